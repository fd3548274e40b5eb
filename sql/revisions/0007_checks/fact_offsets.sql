-- rule: every fact's span lies inside its article body
with spans as (
    select 'visit' as fact, visit_id as fact_id, article_id, char_start, char_end from public.visits
    union all
    select 'agreement', agreement_id, article_id, char_start, char_end from public.agreements
    union all
    select 'amount', amount_id, article_id, char_start, char_end from public.amounts
    union all
    select 'agreement_count', agreement_count_id, article_id, char_start, char_end from public.agreement_counts
)

select spans.fact, spans.fact_id, spans.char_start, spans.char_end, length(articles.body) as body_length
from spans
inner join public.articles as articles on articles.article_id = spans.article_id
where spans.char_start < 0 or spans.char_end > length(articles.body) or spans.char_end <= spans.char_start
