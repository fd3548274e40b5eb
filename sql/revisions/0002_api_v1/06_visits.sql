-- grain: one row per visit of an official to an organization or place, per article
create view api_v1.visits as
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
    source.char_end
from source
inner join officials on officials.official_id = source.official_id
inner join sentences on sentences.sentence_id = source.sentence_id
left join organizations on organizations.organization_id = source.organization_id
left join places on places.place_id = source.place_id;

comment on view api_v1.visits is 'One row per visit of an official to an organization or place, as reported by one article.';
comment on column api_v1.visits.visit_id is 'Visit id.';
comment on column api_v1.visits.article_id is 'Article reporting the visit.';
comment on column api_v1.visits.official_id is 'Visiting official (the head of a delegation).';
comment on column api_v1.visits.official_name_ko is 'Official name in Korean.';
comment on column api_v1.visits.organization_id is 'Visited organization; NULL when the visit is to a place.';
comment on column api_v1.visits.organization_name_en is 'English name of the visited organization.';
comment on column api_v1.visits.place is 'Visited place (English), or the city of the visited organization.';
comment on column api_v1.visits.country is 'ISO 3166-1 alpha-2 country of the visit.';
comment on column api_v1.visits.visit_date is 'Date resolved against the publication date; NULL when the article does not allow it.';
comment on column api_v1.visits.date_precision is 'day, month or year; NULL when visit_date is NULL.';
comment on column api_v1.visits.status is 'completed or planned.';
comment on column api_v1.visits.evidence is 'Sentence the visit was read from.';
comment on column api_v1.visits.visit_end_date is 'Last day, for a trip given as a range.';
comment on column api_v1.visits.organization_name_ko is 'Korean name of the visited organization.';
comment on column api_v1.visits.place_id is 'Visited place, when the visit is to a place.';
comment on column api_v1.visits.is_boston_area is 'True when the visited organization or place is in Massachusetts.';
comment on column api_v1.visits.char_start is 'Start offset of the evidence sentence in the article body.';
comment on column api_v1.visits.char_end is 'End offset of the evidence sentence in the article body.';
