-- grain: one row per signed agreement, Korean party and Boston-area party
create view api_v1.boston_agreements_by_region as
with signed as (
    select agreement_id, article_id, kind, status, signed_on
    from public.agreements
    where status = 'signed'
),

korean_parties as (
    select parties.agreement_id, organizations.organization_id, organizations.name_ko, regions.name_ko as region_ko
    from public.agreement_parties as parties
    inner join public.organizations as organizations
        on organizations.organization_id = parties.organization_id and organizations.country = 'KR'
    left join public.places as regions on regions.place_id = organizations.region_place_id
),

boston_parties as (
    select parties.agreement_id, organizations.organization_id, coalesce(organizations.name_en, organizations.name_ko) as name
    from public.agreement_parties as parties
    inner join public.organizations as organizations
        on organizations.organization_id = parties.organization_id and organizations.is_boston_area
),

pairs as (
    select
        korean_parties.region_ko,
        korean_parties.name_ko as korean_party,
        boston_parties.name as boston_party,
        signed.kind,
        signed.status,
        signed.signed_on,
        signed.article_id,
        signed.agreement_id,
        korean_parties.organization_id as korean_organization_id,
        boston_parties.organization_id as boston_organization_id
    from signed
    inner join korean_parties on korean_parties.agreement_id = signed.agreement_id
    inner join boston_parties on boston_parties.agreement_id = signed.agreement_id
)

select * from pairs;

comment on view api_v1.boston_agreements_by_region is 'One row per signed agreement between a Korean party and a Boston-area (Massachusetts) party: which Korean regions signed with Boston institutions.';
comment on column api_v1.boston_agreements_by_region.region_ko is 'Korean provincial-level division of the Korean party; NULL for national bodies.';
comment on column api_v1.boston_agreements_by_region.korean_party is 'Korean party (Korean name).';
comment on column api_v1.boston_agreements_by_region.boston_party is 'Boston-area party (English name).';
comment on column api_v1.boston_agreements_by_region.kind is 'mou, contract or cooperation.';
comment on column api_v1.boston_agreements_by_region.status is 'Always signed here.';
comment on column api_v1.boston_agreements_by_region.signed_on is 'Signing date when the article gives it.';
comment on column api_v1.boston_agreements_by_region.article_id is 'Article reporting it.';
comment on column api_v1.boston_agreements_by_region.agreement_id is 'Agreement.';
comment on column api_v1.boston_agreements_by_region.korean_organization_id is 'Korean party id.';
comment on column api_v1.boston_agreements_by_region.boston_organization_id is 'Boston-area party id.';
