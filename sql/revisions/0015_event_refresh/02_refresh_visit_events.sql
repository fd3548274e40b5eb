-- revision 0015: revision 0014's statements unchanged, then the visit events' reads
-- (what api_v2 shows of their members: kbio_private.store_visit_event_reads) stored
-- on them, so that the api_v2 views read one event row and none of its members.
-- Recomputes what the given visit events know of their reports (status, dates,
-- article counts) and drops the ones no report is left in. Called by the load for
-- the events it touched, inside the load's transaction.
create or replace function kbio_private.refresh_visit_events(event_ids bigint[], touched_by bigint)
returns void
language plpgsql
as $fn$
begin
    execute $sql$
        delete from public.visit_events as events
        where events.visit_event_id = any($1)
            and not exists (
                select from public.visit_event_members as members
                where members.visit_event_id = events.visit_event_id
            )
    $sql$ using event_ids;
    execute $sql$
        with members as (
            select
                members.visit_event_id,
                visits.visit_id,
                visits.article_id,
                visits.status,
                visits.visit_on,
                visits.visit_end_on,
                visits.date_precision,
                articles.published_on
            from public.visit_event_members as members
            inner join public.visits as visits on visits.visit_id = members.visit_id
            inner join public.articles as articles on articles.article_id = visits.article_id
            where members.visit_event_id = any($1)
        ),

        reports as (
            select visit_event_id, article_id, published_on, false as is_copy from members
            union
            select members.visit_event_id, copies.article_id, copies.published_on, true as is_copy
            from members
            inner join public.articles as copies on copies.duplicate_of = members.article_id
        ),

        report_summary as (
            select
                visit_event_id,
                min(published_on) as first_reported_on,
                max(published_on) as last_reported_on,
                count(distinct article_id) as article_count,
                count(distinct article_id) filter (where is_copy) as copy_count
            from reports
            group by visit_event_id
        ),

        -- the most precise stated date, then the earliest
        dating as (
            select distinct on (visit_event_id) visit_event_id, visit_on, date_precision
            from members
            where visit_on is not null
            order by visit_event_id, array_position(array['day', 'month', 'year'], date_precision), visit_on
        ),

        member_summary as (
            select
                visit_event_id,
                case when bool_or(status = 'completed') then 'completed' else 'planned' end as status,
                max(coalesce(visit_end_on, visit_on)) as last_stated_on,
                min(coalesce(visit_on, published_on)) as anchor_from,
                max(coalesce(visit_on, published_on)) as anchor_to
            from members
            group by visit_event_id
        )

        update public.visit_events as events
        set
            status = member_summary.status,
            visit_on = dating.visit_on,
            visit_end_on = case
                when dating.date_precision = 'day' and member_summary.last_stated_on > dating.visit_on
                    then member_summary.last_stated_on
            end,
            date_precision = dating.date_precision,
            first_reported_on = report_summary.first_reported_on,
            last_reported_on = report_summary.last_reported_on,
            article_count = report_summary.article_count,
            copy_count = report_summary.copy_count,
            anchor_from = member_summary.anchor_from,
            anchor_to = member_summary.anchor_to,
            run_id = $2
        from member_summary
        inner join report_summary on report_summary.visit_event_id = member_summary.visit_event_id
        left join dating on dating.visit_event_id = member_summary.visit_event_id
        where events.visit_event_id = member_summary.visit_event_id
    $sql$ using event_ids, touched_by;
    perform kbio_private.store_visit_event_reads(event_ids);
end
$fn$;
