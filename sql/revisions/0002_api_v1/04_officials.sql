-- grain: one row per person acting in an official or institutional role
create view api_v1.officials as
with source as (
    select * from public.officials
),

organizations as (
    select organization_id, name_ko from public.organizations
),

regions as (
    select place_id, name_ko from public.places
)

select
    source.official_id,
    source.name_ko,
    source.name_en,
    source.title_ko,
    source.title_en,
    source.organization_id,
    regions.name_ko as region_ko,
    organizations.name_ko as organization_name_ko
from source
left join organizations on organizations.organization_id = source.organization_id
left join regions on regions.place_id = source.region_place_id;

comment on view api_v1.officials is 'One row per person acting in an official or institutional role, across all articles.';
comment on column api_v1.officials.official_id is 'Official id.';
comment on column api_v1.officials.name_ko is 'Name in Korean (as written; Latin only when the article gives no Korean form).';
comment on column api_v1.officials.name_en is 'Latin spelling given by the article, else Revised Romanization for Korean names; NULL for foreign names written only in Hangul.';
comment on column api_v1.officials.title_ko is 'Title as written, without the region or institution it names (시장, 도지사, 미래산업국장).';
comment on column api_v1.officials.title_en is 'English rendering of the title.';
comment on column api_v1.officials.organization_id is 'The institution the person acts for (a province or city government for governors and mayors).';
comment on column api_v1.officials.region_ko is 'Korean provincial-level division of that institution; NULL for non-Korean ones.';
comment on column api_v1.officials.organization_name_ko is 'Korean name of the institution.';
