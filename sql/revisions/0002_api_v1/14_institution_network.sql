-- grain: one row per pair of a Korean organization and a Boston-area organization
create view api_v1.institution_network as
with organizations as (
    select * from api_v1.organizations
),

agreement_pairs as (
    select korean.organization_id as korean_id, boston.organization_id as boston_id, korean.agreement_id
    from api_v1.agreement_parties as korean
    inner join api_v1.agreement_parties as boston
        on boston.agreement_id = korean.agreement_id and boston.is_boston_area
    where korean.country = 'KR'
),

visit_pairs as (
    select officials.organization_id as korean_id, visits.organization_id as boston_id, visits.visit_id
    from api_v1.visits as visits
    inner join api_v1.officials as officials on officials.official_id = visits.official_id
    inner join organizations as visited
        on visited.organization_id = visits.organization_id and visited.is_boston_area
    inner join organizations as home
        on home.organization_id = officials.organization_id and home.country = 'KR'
),

pairs as (
    select korean_id, boston_id, count(distinct agreement_id) as agreements, 0 as visits
    from agreement_pairs group by 1, 2
    union all
    select korean_id, boston_id, 0, count(distinct visit_id)
    from visit_pairs group by 1, 2
),

network as (
    select
        pairs.korean_id as korean_organization_id,
        korean.name_ko as korean_name_ko,
        korean.region_ko,
        pairs.boston_id as boston_organization_id,
        boston.name_en as boston_name_en,
        sum(pairs.visits)::bigint as visits,
        sum(pairs.agreements)::bigint as agreements
    from pairs
    inner join organizations as korean on korean.organization_id = pairs.korean_id
    inner join organizations as boston on boston.organization_id = pairs.boston_id
    group by 1, 2, 3, 4, 5
)

select * from network;

comment on view api_v1.institution_network is 'One row per pair of a Korean organization and a Massachusetts organization linked by a visit (an official of the first visiting the second) or an agreement.';
comment on column api_v1.institution_network.korean_organization_id is 'Korean organization.';
comment on column api_v1.institution_network.korean_name_ko is 'Its Korean name.';
comment on column api_v1.institution_network.region_ko is 'Its Korean provincial-level division.';
comment on column api_v1.institution_network.boston_organization_id is 'Massachusetts organization.';
comment on column api_v1.institution_network.boston_name_en is 'Its English name.';
comment on column api_v1.institution_network.visits is 'Visits by officials of the Korean organization to the Massachusetts one.';
comment on column api_v1.institution_network.agreements is 'Agreements between the two.';
