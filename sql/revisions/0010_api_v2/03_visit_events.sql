-- grain: one row per visit event (one official's visit to one institution or place on one trip)
create view api_v2.visit_events as
with events as (
    select * from public.visit_events
),

officials as (
    select official_id, name_ko, title_ko from public.officials
),

organizations as (
    select organization_id, name_ko, name_en, city, country, is_boston_area
    from public.organizations
),

places as (
    select place_id, name_ko, name_en, country, is_boston_area from public.places
)

select
    events.visit_event_id,
    events.official_id,
    officials.name_ko as official_name_ko,
    officials.title_ko as official_title_ko,
    events.organization_id,
    events.place_id,
    coalesce(organizations.name_ko, places.name_ko) as target_ko,
    coalesce(organizations.name_en, places.name_en) as target_en,
    coalesce(places.country, organizations.country) as country,
    coalesce(places.is_boston_area, organizations.is_boston_area, false) as is_boston_area,
    events.status,
    events.visit_on,
    events.visit_end_on,
    events.date_precision,
    events.first_reported_on,
    events.last_reported_on,
    events.article_count,
    events.copy_count
from events
inner join officials on officials.official_id = events.official_id
left join organizations on organizations.organization_id = events.organization_id
left join places on places.place_id = events.place_id;

comment on view api_v2.visit_events is 'One row per visit event: one official''s visit to one institution or place on one trip, however many articles (and copies of articles) report it.';
comment on column api_v2.visit_events.visit_event_id is 'Visit event id.';
comment on column api_v2.visit_events.official_id is 'Visiting official.';
comment on column api_v2.visit_events.official_name_ko is 'Official''s name in Korean.';
comment on column api_v2.visit_events.official_title_ko is 'Official''s title in Korean.';
comment on column api_v2.visit_events.organization_id is 'Institution visited (NULL when the target is a place).';
comment on column api_v2.visit_events.place_id is 'Place visited (NULL when the target is an institution).';
comment on column api_v2.visit_events.target_ko is 'Institution or place visited, Korean name.';
comment on column api_v2.visit_events.target_en is 'Institution or place visited, English name.';
comment on column api_v2.visit_events.country is 'ISO country code of the target.';
comment on column api_v2.visit_events.is_boston_area is 'True when the target is in the Boston area (Massachusetts).';
comment on column api_v2.visit_events.status is 'completed when any report says it took place, else planned.';
comment on column api_v2.visit_events.visit_on is 'Visit date when any report states it (the most precise, then the earliest).';
comment on column api_v2.visit_events.visit_end_on is 'Last day of the visit when reports state a later day than visit_on.';
comment on column api_v2.visit_events.date_precision is 'day, month or year; NULL when visit_on is NULL.';
comment on column api_v2.visit_events.first_reported_on is 'Earliest publication date among the reporting articles (NULL when none states one).';
comment on column api_v2.visit_events.last_reported_on is 'Latest publication date among the reporting articles.';
comment on column api_v2.visit_events.article_count is 'Number of articles reporting it, copies included.';
comment on column api_v2.visit_events.copy_count is 'How many of those articles are near-duplicate copies of another.';
