-- revision 0015: revision 0014's statements unchanged, then the agreement events' reads
-- (what api_v2 shows of their members: kbio_private.store_agreement_event_reads) stored
-- on them, so that the api_v2 views read one event row and none of its members.
-- Recomputes what the given agreement events know of their reports (status, signing
-- date, parties, dates, article counts) and drops the ones no report is left in.
-- Called by the load for the events it touched, inside the load's transaction.
create or replace function kbio_private.refresh_agreement_events(event_ids bigint[], touched_by bigint)
returns void
language plpgsql
as $fn$
begin
    execute $sql$
        delete from public.agreement_events as events
        where events.agreement_event_id = any($1)
            and not exists (
                select from public.agreement_event_members as members
                where members.agreement_event_id = events.agreement_event_id
            )
    $sql$ using event_ids;
    execute $sql$
        with members as (
            select
                members.agreement_event_id,
                agreements.agreement_id,
                agreements.article_id,
                agreements.kind,
                agreements.status,
                agreements.signed_on,
                agreements.signed_on_precision,
                articles.published_on
            from public.agreement_event_members as members
            inner join public.agreements as agreements on agreements.agreement_id = members.agreement_id
            inner join public.articles as articles on articles.article_id = agreements.article_id
            where members.agreement_event_id = any($1)
        ),

        reports as (
            select agreement_event_id, article_id, published_on, false as is_copy from members
            union
            select members.agreement_event_id, copies.article_id, copies.published_on, true as is_copy
            from members
            inner join public.articles as copies on copies.duplicate_of = members.article_id
        ),

        report_summary as (
            select
                agreement_event_id,
                min(published_on) as first_reported_on,
                max(published_on) as last_reported_on,
                count(distinct article_id) as article_count,
                count(distinct article_id) filter (where is_copy) as copy_count
            from reports
            group by agreement_event_id
        ),

        -- a signed report's date first, then the most precise, then the earliest
        signing as (
            select distinct on (agreement_event_id) agreement_event_id, signed_on, signed_on_precision
            from members
            where signed_on is not null
            order by
                agreement_event_id,
                status = 'signed' desc,
                array_position(array['day', 'month', 'year'], signed_on_precision),
                signed_on
        ),

        member_summary as (
            select
                agreement_event_id,
                coalesce(max(kind) filter (where kind <> 'cooperation'), 'cooperation') as kind,
                (array['planned', 'agreed', 'signed'])[
                    max(array_position(array['planned', 'agreed', 'signed'], status::text))
                ] as status,
                min(coalesce(signed_on, published_on)) as anchor_from,
                max(coalesce(signed_on, published_on)) as anchor_to
            from members
            group by agreement_event_id
        ),

        party_summary as (
            select members.agreement_event_id, array_agg(distinct keys.party_key order by keys.party_key) as party_keys
            from members
            inner join kbio_private.agreement_party_keys as keys on keys.agreement_id = members.agreement_id
            group by members.agreement_event_id
        ),

        party_pair_summary as (
            select
                party_summary.agreement_event_id,
                array(
                    select first_key || '|' || second_key
                    from unnest(party_summary.party_keys) as first_key
                    cross join unnest(party_summary.party_keys) as second_key
                    where first_key < second_key collate "C"
                    order by 1
                ) as party_pairs
            from party_summary
        )

        update public.agreement_events as events
        set
            kind = member_summary.kind,
            status = member_summary.status,
            signed_on = signing.signed_on,
            signed_on_precision = signing.signed_on_precision,
            party_keys = coalesce(party_summary.party_keys, '{}'),
            party_pairs = coalesce(party_pair_summary.party_pairs, '{}'),
            first_reported_on = report_summary.first_reported_on,
            last_reported_on = report_summary.last_reported_on,
            article_count = report_summary.article_count,
            copy_count = report_summary.copy_count,
            anchor_from = member_summary.anchor_from,
            anchor_to = member_summary.anchor_to,
            run_id = $2
        from member_summary
        inner join report_summary on report_summary.agreement_event_id = member_summary.agreement_event_id
        left join signing on signing.agreement_event_id = member_summary.agreement_event_id
        left join party_summary on party_summary.agreement_event_id = member_summary.agreement_event_id
        left join party_pair_summary on party_pair_summary.agreement_event_id = member_summary.agreement_event_id
        where events.agreement_event_id = member_summary.agreement_event_id
    $sql$ using event_ids, touched_by;
    perform kbio_private.store_agreement_event_reads(event_ids);
end
$fn$;
