-- revision 0014: the same columns and rows as revision 0013, each event's first report per
-- article found per event (a lateral subquery on the members' index) instead of one
-- sort of every member, and not materialized (it is read twice): `limit 100` reads about
-- 100 events' members, and its cost stays far below what makes the server compile it (JIT)
-- grain: one row per agreement event and article reporting it (a copy reports its original's events)
create or replace view api_v2.agreement_event_mentions as
with own_reports as not materialized (
    select events.agreement_event_id, first_reports.*
    from public.agreement_events as events
    cross join lateral (
        select distinct on (agreements.article_id)
            agreements.article_id,
            agreements.agreement_id,
            agreements.status,
            agreements.signed_on,
            agreements.sentence_id,
            agreements.char_start,
            agreements.char_end
        from public.agreement_event_members as members
        inner join public.agreements as agreements on agreements.agreement_id = members.agreement_id
        where members.agreement_event_id = events.agreement_event_id
        order by agreements.article_id, agreements.char_start
    ) as first_reports
),

own_mentions as (
    select
        own_reports.agreement_event_id,
        own_reports.article_id,
        own_reports.agreement_id,
        false as is_copy,
        null::bigint as copy_of_article_id,
        own_reports.status,
        own_reports.signed_on,
        own_reports.sentence_id,
        own_reports.char_start,
        own_reports.char_end
    from own_reports
),

-- a copy's evidence is its own sentence with the same text as the original's
copy_mentions as (
    select
        own_reports.agreement_event_id,
        copies.article_id,
        null::bigint as agreement_id,
        true as is_copy,
        own_reports.article_id as copy_of_article_id,
        own_reports.status,
        own_reports.signed_on,
        copy_sentences.sentence_id,
        copy_sentences.char_start + (own_reports.char_start - original_sentences.char_start) as char_start,
        copy_sentences.char_start + (own_reports.char_end - original_sentences.char_start) as char_end
    from own_reports
    inner join public.articles as copies on copies.duplicate_of = own_reports.article_id
    inner join public.sentences as original_sentences on original_sentences.sentence_id = own_reports.sentence_id
    left join lateral (
        select sentences.sentence_id, sentences.char_start
        from public.sentences as sentences
        where sentences.article_id = copies.article_id and sentences.text = original_sentences.text
        order by sentences.sentence_index
        limit 1
    ) as copy_sentences on true
),

mentions as (
    select * from own_mentions
    union all
    select * from copy_mentions
)

select
    mentions.agreement_event_id,
    mentions.article_id,
    mentions.agreement_id,
    mentions.is_copy,
    mentions.copy_of_article_id,
    mentions.status as reported_status,
    mentions.signed_on as reported_signed_on,
    sentences.text as evidence,
    mentions.sentence_id,
    case when mentions.sentence_id is not null then mentions.char_start end as char_start,
    case when mentions.sentence_id is not null then mentions.char_end end as char_end,
    articles.source_name,
    articles.title,
    articles.publisher,
    articles.published_on,
    reports.pattern_id,
    reports.confidence
from mentions
inner join public.articles as articles on articles.article_id = mentions.article_id
left join public.sentences as sentences on sentences.sentence_id = mentions.sentence_id
left join public.agreements as reports on reports.agreement_id = mentions.agreement_id;
