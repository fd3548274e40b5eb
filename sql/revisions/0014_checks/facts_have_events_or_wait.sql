-- rule: every agreement and visit belongs to an event, or its article waits in event_link_queue for the next drain
select 'agreement' as fact_kind, agreements.agreement_id as fact_id, agreements.article_id
from public.agreements as agreements
where not exists (
        select from public.agreement_event_members as members
        where members.agreement_id = agreements.agreement_id
    )
    and not exists (
        select from public.event_link_queue as queue
        where queue.article_id = agreements.article_id
    )
union all
select 'visit', visits.visit_id, visits.article_id
from public.visits as visits
where not exists (
        select from public.visit_event_members as members
        where members.visit_id = visits.visit_id
    )
    and not exists (
        select from public.event_link_queue as queue
        where queue.article_id = visits.article_id
    )
