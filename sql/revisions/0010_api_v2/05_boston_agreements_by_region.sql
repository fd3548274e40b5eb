-- grain: one row per signed agreement event, Korean party and Boston-area party
create view api_v2.boston_agreements_by_region as
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
    boston_parties.organization_id as boston_organization_id
from signed
inner join korean_parties on korean_parties.agreement_event_id = signed.agreement_event_id
inner join boston_parties on boston_parties.agreement_event_id = signed.agreement_event_id;

comment on view api_v2.boston_agreements_by_region is 'One row per signed Korea-Massachusetts agreement event, Korean party and Boston-area party: which Korean regions signed with Boston institutions, each signing counted once however many articles report it.';
comment on column api_v2.boston_agreements_by_region.agreement_event_id is 'Agreement event (api_v2.agreement_events).';
comment on column api_v2.boston_agreements_by_region.region_ko is 'Korean provincial-level division of the Korean party; NULL for national bodies.';
comment on column api_v2.boston_agreements_by_region.korean_party is 'Korean party (Korean name).';
comment on column api_v2.boston_agreements_by_region.boston_party is 'Boston-area party (English name).';
comment on column api_v2.boston_agreements_by_region.kind is 'mou, contract or cooperation.';
comment on column api_v2.boston_agreements_by_region.signed_on is 'Signing date when any report states it.';
comment on column api_v2.boston_agreements_by_region.signed_on_precision is 'day, month or year; NULL when signed_on is NULL.';
comment on column api_v2.boston_agreements_by_region.first_reported_on is 'Earliest publication date among the reporting articles.';
comment on column api_v2.boston_agreements_by_region.article_count is 'Number of articles reporting it, copies included.';
comment on column api_v2.boston_agreements_by_region.korean_organization_id is 'Korean party id.';
comment on column api_v2.boston_agreements_by_region.boston_organization_id is 'Boston-area party id.';
