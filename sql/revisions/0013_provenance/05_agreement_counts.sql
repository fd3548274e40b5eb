-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per count of agreements stated in an article (총 9건의 MOU)
create or replace view api_v1.agreement_counts as
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
    source.char_end,
    source.pattern_id,
    source.confidence
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on column api_v1.agreement_counts.pattern_id is 'The rule that produced this fact: a pattern id of etl/extract/rules/ (kbio extract shows it). NULL for facts written before extractor 2026.12.04.';
comment on column api_v1.agreement_counts.confidence is 'Precision of that rule on the development corpus (0-1), the chance that a fact it produces is right. NULL for facts written before extractor 2026.12.04.';
