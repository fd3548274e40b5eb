-- revision 0015: each agreement event's first report in each article that reports it (by
-- position in the article), with what the mentions views show of it, as revision 0014's api_v2.agreement_event_mentions chose it;
-- stored in public.agreement_event_articles for the events a refresh is given.
-- grain: one row per agreement event and article with a report of it (copies not included)
create view kbio_private.agreement_event_articles_live as
select distinct on (members.agreement_event_id, agreements.article_id)
    members.agreement_event_id,
    agreements.article_id,
    agreements.agreement_id,
    agreements.status,
    agreements.signed_on,
    agreements.sentence_id,
    agreements.char_start,
    agreements.char_end,
    agreements.pattern_id,
    agreements.confidence
from public.agreement_event_members as members
inner join public.agreements as agreements on agreements.agreement_id = members.agreement_id
order by members.agreement_event_id, agreements.article_id, agreements.char_start, agreements.agreement_id;
