-- revision 0014: the same columns and rows as revision 0013, each signed event's parties
-- found per event (a lateral subquery on the members' index) instead of the parties of
-- every event first, so that `limit 100` reads about 100 events' members
-- grain: one row per signed agreement event, Korean party and Boston-area party
create or replace view api_v2.boston_agreements_by_region as
with signed as (
    select agreement_event_id, kind, signed_on, signed_on_precision, first_reported_on, article_count
    from public.agreement_events
    where status = 'signed'
)

select
    signed.agreement_event_id,
    regions.name_ko as region_ko,
    korean.name_ko as korean_party,
    coalesce(boston.name_en, boston.name_ko) as boston_party,
    signed.kind,
    signed.signed_on,
    signed.signed_on_precision,
    signed.first_reported_on,
    signed.article_count,
    korean.organization_id as korean_organization_id,
    boston.organization_id as boston_organization_id,
    best.pattern_id,
    best.confidence
from signed
cross join lateral (
    select distinct agreement_parties.organization_id
    from public.agreement_event_members as members
    inner join public.agreement_parties as agreement_parties
        on agreement_parties.agreement_id = members.agreement_id
    where members.agreement_event_id = signed.agreement_event_id
) as event_parties
inner join public.organizations as korean
    on korean.organization_id = event_parties.organization_id and korean.country = 'KR'
left join public.places as regions on regions.place_id = korean.region_place_id
cross join lateral (
    select distinct agreement_parties.organization_id
    from public.agreement_event_members as members
    inner join public.agreement_parties as agreement_parties
        on agreement_parties.agreement_id = members.agreement_id
    where members.agreement_event_id = signed.agreement_event_id
) as other_parties
inner join public.organizations as boston
    on boston.organization_id = other_parties.organization_id and boston.is_boston_area
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.agreement_event_members as members
    inner join public.agreements as reports on reports.agreement_id = members.agreement_id
    where members.agreement_event_id = signed.agreement_event_id
    order by reports.confidence desc nulls last, reports.agreement_id
    limit 1
) as best on true;
