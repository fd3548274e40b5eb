-- grain: one row per place (country, state, province, city, site)
create view api_v1.places as
with source as (
    select * from public.places
),

provinces as (
    select place_id, name_ko from public.places where place_type = 'province' and country = 'KR'
)

select
    source.place_id,
    source.name_ko,
    source.name_en,
    source.place_type,
    source.country,
    coalesce(self_province.name_ko, parent_province.name_ko) as region_ko,
    source.parent_place_id,
    source.is_boston_area,
    source.canonical_key
from source
left join provinces as self_province on self_province.place_id = source.place_id
left join provinces as parent_province on parent_province.place_id = source.parent_place_id;

comment on view api_v1.places is 'One row per place: countries, states, Korean provinces and municipalities, cities and sites.';
comment on column api_v1.places.place_id is 'Place id.';
comment on column api_v1.places.name_ko is 'Korean name (for Korean regions, the current official name).';
comment on column api_v1.places.name_en is 'English name.';
comment on column api_v1.places.place_type is 'country, state, province, municipality, city, district or site.';
comment on column api_v1.places.country is 'ISO 3166-1 alpha-2 country code.';
comment on column api_v1.places.region_ko is 'For Korean places, the provincial-level division (current official name); NULL elsewhere.';
comment on column api_v1.places.parent_place_id is 'The place this one lies in.';
comment on column api_v1.places.is_boston_area is 'True for Greater Boston and the rest of Massachusetts.';
comment on column api_v1.places.canonical_key is 'Stable reference-data key.';
