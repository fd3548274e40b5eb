-- revision 0015: the same columns and rows as revision 0014, read from the columns the
-- event refresh stores on each event (kbio_private.agreement_event_reads) instead of
-- computed from its members per row: `limit 100` reads 100 event rows
-- grain: one row per agreement event (one real-world signing or agreement, however many articles report it)
create or replace view api_v2.agreement_events as
select
    events.agreement_event_id,
    events.kind,
    events.status,
    events.signed_on,
    events.signed_on_precision,
    events.parties_ko,
    events.parties_en,
    events.party_count::bigint as party_count,
    events.is_korea_boston,
    events.first_reported_on,
    events.last_reported_on,
    events.article_count,
    events.copy_count,
    events.pattern_id,
    events.confidence
from public.agreement_events as events;
