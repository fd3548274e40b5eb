-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per signed agreement, Korean party and Boston-area party
create or replace view api_v1.boston_agreements_by_region as
with signed as (
    select agreement_id, article_id, kind, status, signed_on, pattern_id, confidence
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
        boston_parties.organization_id as boston_organization_id,
        signed.pattern_id,
        signed.confidence
    from signed
    inner join korean_parties on korean_parties.agreement_id = signed.agreement_id
    inner join boston_parties on boston_parties.agreement_id = signed.agreement_id
)

select * from pairs;

comment on column api_v1.boston_agreements_by_region.pattern_id is 'The rule that produced the agreement (see api_v1.agreements.pattern_id).';
comment on column api_v1.boston_agreements_by_region.confidence is 'Precision of that rule on the development corpus (see api_v1.agreements.confidence).';
