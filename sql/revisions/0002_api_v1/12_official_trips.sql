-- grain: one row per official, visited organization or place, and date (across articles)
create view api_v1.official_trips as
with visits as (
    select * from api_v1.visits
),

officials as (
    select * from api_v1.officials
),

places as (
    select place_id, name_ko from public.places
),

trips as (
    select
        visits.official_id,
        officials.name_ko as official_name_ko,
        officials.title_ko,
        officials.region_ko,
        coalesce(visits.organization_name_ko, places.name_ko) as visited_ko,
        coalesce(visits.organization_name_en, visits.place) as visited_en,
        visits.organization_id,
        visits.place_id,
        visits.visit_date,
        visits.date_precision,
        bool_or(visits.status = 'completed') as is_completed,
        bool_or(visits.is_boston_area) as is_boston_area,
        count(distinct visits.article_id) as articles,
        min(visits.article_id) as first_article_id
    from visits
    inner join officials on officials.official_id = visits.official_id
    left join places on places.place_id = visits.place_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
)

select * from trips;

comment on view api_v1.official_trips is 'One row per official, visited organization or place, and date, merged across articles: the timeline of an official''s trips (order by official_id, visit_date).';
comment on column api_v1.official_trips.official_id is 'Official.';
comment on column api_v1.official_trips.official_name_ko is 'Official name.';
comment on column api_v1.official_trips.title_ko is 'Official title.';
comment on column api_v1.official_trips.region_ko is 'Korean region of the official.';
comment on column api_v1.official_trips.visited_ko is 'Visited organization or place (Korean).';
comment on column api_v1.official_trips.visited_en is 'Visited organization or place (English).';
comment on column api_v1.official_trips.organization_id is 'Visited organization, if any.';
comment on column api_v1.official_trips.place_id is 'Visited place, if the visit was to a place.';
comment on column api_v1.official_trips.visit_date is 'Date of the visit; NULL when unknown.';
comment on column api_v1.official_trips.date_precision is 'day, month or year.';
comment on column api_v1.official_trips.is_completed is 'True if any article reports the visit as done.';
comment on column api_v1.official_trips.is_boston_area is 'True for visits in Massachusetts.';
comment on column api_v1.official_trips.articles is 'Articles reporting this visit.';
comment on column api_v1.official_trips.first_article_id is 'Lowest article id reporting it.';
