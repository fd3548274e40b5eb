-- grain: one row per count of agreements stated in an article (총 9건의 MOU)
create view api_v1.agreement_counts as
with source as (
    select * from public.agreement_counts
),

sentences as (
    select sentence_id, text from public.sentences
)

select
    source.agreement_count_id,
    source.article_id,
    source.kind,
    source.quantity,
    source.raw_text,
    sentences.text as evidence,
    source.char_start,
    source.char_end
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on view api_v1.agreement_counts is 'One row per count of agreements an article states (총 9건의 MOU): recorded as a count, never as invented agreements.';
comment on column api_v1.agreement_counts.agreement_count_id is 'Count id.';
comment on column api_v1.agreement_counts.article_id is 'Article stating it.';
comment on column api_v1.agreement_counts.kind is 'mou, contract or cooperation.';
comment on column api_v1.agreement_counts.quantity is 'How many.';
comment on column api_v1.agreement_counts.raw_text is 'The expression as written.';
comment on column api_v1.agreement_counts.evidence is 'Sentence it was read from.';
comment on column api_v1.agreement_counts.char_start is 'Start offset in the article body.';
comment on column api_v1.agreement_counts.char_end is 'End offset in the article body.';
