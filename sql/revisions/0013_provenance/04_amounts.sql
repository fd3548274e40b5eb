-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per money amount stated in an article
create or replace view api_v1.amounts as
with source as (
    select * from public.amounts
),

sentences as (
    select sentence_id, text from public.sentences
)

select
    source.amount_id,
    source.article_id,
    source.value,
    source.currency,
    source.qualifier,
    source.raw_text,
    source.agreement_id,
    sentences.text as evidence,
    source.char_start,
    source.char_end,
    source.pattern_id,
    source.confidence
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on column api_v1.amounts.pattern_id is 'The rule that produced this fact: a pattern id of etl/extract/rules/ (kbio extract shows it). NULL for facts written before extractor 2026.12.04.';
comment on column api_v1.amounts.confidence is 'Precision of that rule on the development corpus (0-1), the chance that a fact it produces is right. NULL for facts written before extractor 2026.12.04.';
