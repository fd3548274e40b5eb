-- revision 0015: store on the given events what the api_v2 views show of their members
-- (kbio_private.*_event_reads and *_event_articles_live), so that the views read one
-- event row, not its members. Called by the event refresh functions for the events
-- they recompute, and by the trigger on organizations for the events of organizations
-- whose names, country or Boston area changed.
create function kbio_private.store_agreement_event_reads(event_ids bigint[])
returns void
language plpgsql
as $fn$
begin
    execute $sql$
        update public.agreement_events as events
        set
            parties_ko = reads.parties_ko,
            parties_en = reads.parties_en,
            party_count = reads.party_count,
            is_korea_boston = reads.is_korea_boston,
            party_organization_ids = reads.party_organization_ids,
            pattern_id = reads.pattern_id,
            confidence = reads.confidence
        from kbio_private.agreement_event_reads as reads
        where reads.agreement_event_id = any($1)
            and events.agreement_event_id = reads.agreement_event_id
            and (events.parties_ko, events.parties_en, events.party_count, events.is_korea_boston,
                 events.party_organization_ids, events.pattern_id, events.confidence)
                is distinct from
                (reads.parties_ko, reads.parties_en, reads.party_count, reads.is_korea_boston,
                 reads.party_organization_ids, reads.pattern_id, reads.confidence)
    $sql$ using event_ids;
    -- only the rows that changed: a drain refreshes big events again and again, and
    -- rows rewritten each time leave dead rows that a `limit 100` scan reads past
    execute $sql$
        delete from public.agreement_event_articles as stored
        where stored.agreement_event_id = any($1)
            and (stored.agreement_event_id, stored.article_id, stored.agreement_id) not in (
                select live.agreement_event_id, live.article_id, live.agreement_id
                from kbio_private.agreement_event_articles_live as live
                where live.agreement_event_id = any($1)
            )
    $sql$ using event_ids;
    execute $sql$
        insert into public.agreement_event_articles (
            agreement_event_id, article_id, agreement_id, status, signed_on, sentence_id, char_start, char_end, pattern_id, confidence
        )
        select agreement_event_id, article_id, agreement_id, status, signed_on, sentence_id, char_start, char_end, pattern_id, confidence
        from kbio_private.agreement_event_articles_live
        where agreement_event_id = any($1)
        on conflict (agreement_event_id, article_id) do nothing
    $sql$ using event_ids;
end
$fn$;

create function kbio_private.store_visit_event_reads(event_ids bigint[])
returns void
language plpgsql
as $fn$
begin
    execute $sql$
        update public.visit_events as events
        set pattern_id = reads.pattern_id, confidence = reads.confidence
        from kbio_private.visit_event_reads as reads
        where reads.visit_event_id = any($1)
            and events.visit_event_id = reads.visit_event_id
            and (events.pattern_id, events.confidence)
                is distinct from (reads.pattern_id, reads.confidence)
    $sql$ using event_ids;
    -- only the rows that changed: a drain refreshes big events again and again, and
    -- rows rewritten each time leave dead rows that a `limit 100` scan reads past
    execute $sql$
        delete from public.visit_event_articles as stored
        where stored.visit_event_id = any($1)
            and (stored.visit_event_id, stored.article_id, stored.visit_id) not in (
                select live.visit_event_id, live.article_id, live.visit_id
                from kbio_private.visit_event_articles_live as live
                where live.visit_event_id = any($1)
            )
    $sql$ using event_ids;
    execute $sql$
        insert into public.visit_event_articles (
            visit_event_id, article_id, visit_id, status, visit_on, sentence_id, char_start, char_end, pattern_id, confidence
        )
        select visit_event_id, article_id, visit_id, status, visit_on, sentence_id, char_start, char_end, pattern_id, confidence
        from kbio_private.visit_event_articles_live
        where visit_event_id = any($1)
        on conflict (visit_event_id, article_id) do nothing
    $sql$ using event_ids;
end
$fn$;
