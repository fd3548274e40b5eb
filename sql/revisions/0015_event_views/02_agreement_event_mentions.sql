-- revision 0015: the same columns and rows as revision 0014, each event's first report per
-- article, and what the view shows of it, read from public.agreement_event_articles (stored
-- by the event refresh) instead of found among the event's members per row: `limit 100`
-- reads about 100 stored rows, their articles and sentences
-- grain: one row per agreement event and article reporting it (a copy reports its original's events)
create or replace view api_v2.agreement_event_mentions as
with own_reports as not materialized (
    select
        agreement_event_id,
        article_id,
        agreement_id,
        status,
        signed_on,
        sentence_id,
        char_start,
        char_end,
        pattern_id,
        confidence
    from public.agreement_event_articles
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
        own_reports.char_end,
        own_reports.pattern_id,
        own_reports.confidence
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
        copy_sentences.char_start + (own_reports.char_end - original_sentences.char_start) as char_end,
        null::varchar(64) as pattern_id,
        null::real as confidence
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
    mentions.pattern_id,
    mentions.confidence
from mentions
inner join public.articles as articles on articles.article_id = mentions.article_id
left join public.sentences as sentences on sentences.sentence_id = mentions.sentence_id;
