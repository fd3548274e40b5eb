-- revision 0015: the same columns and rows as revision 0013, the best report read from the
-- columns the event refresh stores on each event (kbio_private.visit_event_reads) instead
-- of found among its members per row: `limit 100` reads 100 event rows and their
-- official, organization or place
-- grain: one row per visit event (one official's visit to one institution or place on one trip)
create or replace view api_v2.visit_events as
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
    events.pattern_id,
    events.confidence
from public.visit_events as events
inner join public.officials as officials on officials.official_id = events.official_id
left join public.organizations as organizations on organizations.organization_id = events.organization_id
left join public.places as places on places.place_id = events.place_id;
