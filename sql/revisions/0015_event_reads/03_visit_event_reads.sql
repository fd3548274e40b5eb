-- revision 0015: what api_v2 shows of each visit event that its members say (the best
-- report), computed per event as revision 0013's view computed it. Read by
-- kbio_private.store_visit_event_reads() and by the data check event_reads_current.
-- grain: one row per visit event
create view kbio_private.visit_event_reads as
select
    events.visit_event_id,
    best.pattern_id,
    best.confidence
from public.visit_events as events
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.visit_event_members as members
    inner join public.visits as reports on reports.visit_id = members.visit_id
    where members.visit_event_id = events.visit_event_id
    order by reports.confidence desc nulls last, reports.visit_id
    limit 1
) as best on true;
