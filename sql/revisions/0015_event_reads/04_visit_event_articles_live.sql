-- revision 0015: each visit event's first report in each article that reports it (by
-- position in the article), with what the mentions views show of it, as revision 0014's api_v2.visit_event_mentions chose it;
-- stored in public.visit_event_articles for the events a refresh is given.
-- grain: one row per visit event and article with a report of it (copies not included)
create view kbio_private.visit_event_articles_live as
select distinct on (members.visit_event_id, visits.article_id)
    members.visit_event_id,
    visits.article_id,
    visits.visit_id,
    visits.status,
    visits.visit_on,
    visits.sentence_id,
    visits.char_start,
    visits.char_end,
    visits.pattern_id,
    visits.confidence
from public.visit_event_members as members
inner join public.visits as visits on visits.visit_id = members.visit_id
order by members.visit_event_id, visits.article_id, visits.char_start, visits.visit_id;
