-- revision 0013: pattern_id and confidence of the event's best report added at the end
-- grain: one row per signed agreement event, Korean party and Boston-area party
create or replace view api_v2.boston_agreements_by_region as
with signed as (
    select agreement_event_id, kind, signed_on, signed_on_precision, first_reported_on, article_count
    from public.agreement_events
    where status = 'signed'
),

event_parties as (
    select distinct members.agreement_event_id, agreement_parties.organization_id
    from public.agreement_event_members as members
    inner join public.agreement_parties as agreement_parties
        on agreement_parties.agreement_id = members.agreement_id
),

korean_parties as (
    select event_parties.agreement_event_id, organizations.organization_id, organizations.name_ko, regions.name_ko as region_ko
    from event_parties
    inner join public.organizations as organizations
        on organizations.organization_id = event_parties.organization_id and organizations.country = 'KR'
    left join public.places as regions on regions.place_id = organizations.region_place_id
),

boston_parties as (
    select event_parties.agreement_event_id, organizations.organization_id, coalesce(organizations.name_en, organizations.name_ko) as name
    from event_parties
    inner join public.organizations as organizations
        on organizations.organization_id = event_parties.organization_id and organizations.is_boston_area
)

select
    signed.agreement_event_id,
    korean_parties.region_ko,
    korean_parties.name_ko as korean_party,
    boston_parties.name as boston_party,
    signed.kind,
    signed.signed_on,
    signed.signed_on_precision,
    signed.first_reported_on,
    signed.article_count,
    korean_parties.organization_id as korean_organization_id,
    boston_parties.organization_id as boston_organization_id,
    best.pattern_id,
    best.confidence
from signed
inner join korean_parties on korean_parties.agreement_event_id = signed.agreement_event_id
inner join boston_parties on boston_parties.agreement_event_id = signed.agreement_event_id
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.agreement_event_members as members
    inner join public.agreements as reports on reports.agreement_id = members.agreement_id
    where members.agreement_event_id = signed.agreement_event_id
    order by reports.confidence desc nulls last, reports.agreement_id
    limit 1
) as best on true;

comment on column api_v2.boston_agreements_by_region.pattern_id is 'The rule behind the event''s most reliable report.';
comment on column api_v2.boston_agreements_by_region.confidence is 'Precision of that rule on the development corpus (0-1): the best of the event''s reports.';
