-- revision 0013: pattern_id and confidence of the event's best report added at the end
-- grain: one row per visit event (one official's visit to one institution or place on one trip)
create or replace view api_v2.visit_events as
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
    events.copy_count,
    best.pattern_id,
    best.confidence
from events
inner join officials on officials.official_id = events.official_id
left join organizations on organizations.organization_id = events.organization_id
left join places on places.place_id = events.place_id
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.visit_event_members as members
    inner join public.visits as reports on reports.visit_id = members.visit_id
    where members.visit_event_id = events.visit_event_id
    order by reports.confidence desc nulls last, reports.visit_id
    limit 1
) as best on true;

comment on column api_v2.visit_events.pattern_id is 'The rule behind the event''s most reliable report (a pattern id of etl/extract/rules/).';
comment on column api_v2.visit_events.confidence is 'Precision of that rule on the development corpus (0-1): the best of the event''s reports.';
