-- rule: what every event stores of its members for api_v2 (parties, best report, first report per article) is what its members say now, unless the event waits in event_refresh_queue
with agreement_articles as (
    select agreement_event_id, array_agg(
        (article_id, agreement_id, status, signed_on, sentence_id, char_start, char_end, pattern_id, confidence)::text
        order by article_id
    ) as reports
    from public.agreement_event_articles
    group by agreement_event_id
),

agreement_articles_live as (
    select agreement_event_id, array_agg(
        (article_id, agreement_id, status, signed_on, sentence_id, char_start, char_end, pattern_id, confidence)::text
        order by article_id
    ) as reports
    from kbio_private.agreement_event_articles_live
    group by agreement_event_id
),

visit_articles as (
    select visit_event_id, array_agg(
        (article_id, visit_id, status, visit_on, sentence_id, char_start, char_end, pattern_id, confidence)::text
        order by article_id
    ) as reports
    from public.visit_event_articles
    group by visit_event_id
),

visit_articles_live as (
    select visit_event_id, array_agg(
        (article_id, visit_id, status, visit_on, sentence_id, char_start, char_end, pattern_id, confidence)::text
        order by article_id
    ) as reports
    from kbio_private.visit_event_articles_live
    group by visit_event_id
)

select 'agreement' as event_kind, events.agreement_event_id as event_id
from public.agreement_events as events
inner join kbio_private.agreement_event_reads as reads
    on reads.agreement_event_id = events.agreement_event_id
left join agreement_articles as stored on stored.agreement_event_id = events.agreement_event_id
left join agreement_articles_live as live on live.agreement_event_id = events.agreement_event_id
where (
        (events.parties_ko, events.parties_en, events.party_count, events.is_korea_boston,
         events.party_organization_ids, events.pattern_id, events.confidence, stored.reports)
        is distinct from
        (reads.parties_ko, reads.parties_en, reads.party_count, reads.is_korea_boston,
         reads.party_organization_ids, reads.pattern_id, reads.confidence, live.reports)
    )
    and not exists (
        select from public.event_refresh_queue as queue
        where queue.event_kind = 'agreement' and queue.event_id = events.agreement_event_id
    )
union all
select 'visit', events.visit_event_id
from public.visit_events as events
inner join kbio_private.visit_event_reads as reads on reads.visit_event_id = events.visit_event_id
left join visit_articles as stored on stored.visit_event_id = events.visit_event_id
left join visit_articles_live as live on live.visit_event_id = events.visit_event_id
where (
        (events.pattern_id, events.confidence, stored.reports)
        is distinct from (reads.pattern_id, reads.confidence, live.reports)
    )
    and not exists (
        select from public.event_refresh_queue as queue
        where queue.event_kind = 'visit' and queue.event_id = events.visit_event_id
    )
