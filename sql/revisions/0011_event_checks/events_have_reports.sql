-- rule: every agreement and visit event has at least one report, and its article count covers them
with agreement_reports as (
    select members.agreement_event_id as event_id, count(distinct agreements.article_id) as reports
    from public.agreement_event_members as members
    inner join public.agreements as agreements on agreements.agreement_id = members.agreement_id
    group by members.agreement_event_id
),

visit_reports as (
    select members.visit_event_id as event_id, count(distinct visits.article_id) as reports
    from public.visit_event_members as members
    inner join public.visits as visits on visits.visit_id = members.visit_id
    group by members.visit_event_id
)

select 'agreement' as event_kind, events.agreement_event_id as event_id, events.article_count, agreement_reports.reports
from public.agreement_events as events
left join agreement_reports on agreement_reports.event_id = events.agreement_event_id
where agreement_reports.reports is null or events.article_count < agreement_reports.reports
union all
select 'visit', events.visit_event_id, events.article_count, visit_reports.reports
from public.visit_events as events
left join visit_reports on visit_reports.event_id = events.visit_event_id
where visit_reports.reports is null or events.article_count < visit_reports.reports
