-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per visit of an official to an organization or place, per article
create or replace view api_v1.visits as
with source as (
    select * from public.visits
),

officials as (
    select official_id, name_ko from public.officials
),

organizations as (
    select organization_id, name_ko, name_en, city, country, is_boston_area
    from public.organizations
),

places as (
    select place_id, name_ko, name_en, country, is_boston_area from public.places
),

sentences as (
    select sentence_id, text from public.sentences
)

select
    source.visit_id,
    source.article_id,
    source.official_id,
    officials.name_ko as official_name_ko,
    source.organization_id,
    organizations.name_en as organization_name_en,
    coalesce(places.name_en, organizations.city) as place,
    coalesce(places.country, organizations.country) as country,
    source.visit_on as visit_date,
    source.date_precision,
    source.status,
    sentences.text as evidence,
    source.visit_end_on as visit_end_date,
    organizations.name_ko as organization_name_ko,
    source.place_id,
    coalesce(places.is_boston_area, organizations.is_boston_area, false) as is_boston_area,
    source.char_start,
    source.char_end,
    source.pattern_id,
    source.confidence
from source
inner join officials on officials.official_id = source.official_id
inner join sentences on sentences.sentence_id = source.sentence_id
left join organizations on organizations.organization_id = source.organization_id
left join places on places.place_id = source.place_id;

comment on column api_v1.visits.pattern_id is 'The rule that produced this fact: a pattern id of etl/extract/rules/ (kbio extract shows it). NULL for facts written before extractor 2026.12.04.';
comment on column api_v1.visits.confidence is 'Precision of that rule on the development corpus (0-1), the chance that a fact it produces is right. NULL for facts written before extractor 2026.12.04.';
