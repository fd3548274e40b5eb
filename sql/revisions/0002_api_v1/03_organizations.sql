-- grain: one row per organization (reference data and names found in articles)
create view api_v1.organizations as
with source as (
    select * from public.organizations
),

regions as (
    select place_id, name_ko from public.places
)

select
    source.organization_id,
    source.name_ko,
    source.name_en,
    source.org_type,
    source.city,
    source.country,
    case when source.country = 'KR' then regions.name_ko end as region_ko,
    source.is_boston_area,
    source.is_resolved,
    source.canonical_key
from source
left join regions on regions.place_id = source.region_place_id;

comment on view api_v1.organizations is 'One row per organization: the reference data plus names found in articles (is_resolved = false).';
comment on column api_v1.organizations.organization_id is 'Organization id.';
comment on column api_v1.organizations.name_ko is 'Korean name (or the name as written, for unresolved foreign names).';
comment on column api_v1.organizations.name_en is 'English name.';
comment on column api_v1.organizations.org_type is 'university, hospital, research_institute, company, incubator, government, local_government, public_agency, association, investor or other.';
comment on column api_v1.organizations.city is 'City (English).';
comment on column api_v1.organizations.country is 'ISO 3166-1 alpha-2 country code; NULL when unknown.';
comment on column api_v1.organizations.region_ko is 'Korean provincial-level division (current official name) for Korean organizations; NULL otherwise.';
comment on column api_v1.organizations.is_boston_area is 'True for institutions in Greater Boston and the rest of Massachusetts.';
comment on column api_v1.organizations.is_resolved is 'True when matched to reference data; false for names found only in articles.';
comment on column api_v1.organizations.canonical_key is 'Stable key: the reference key, or unresolved:<name>.';
