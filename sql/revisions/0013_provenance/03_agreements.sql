-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per agreement reported in an article
create or replace view api_v1.agreements as
with source as (
    select * from public.agreements
),

sentences as (
    select sentence_id, text from public.sentences
)

select
    source.agreement_id,
    source.article_id,
    source.kind,
    source.status,
    source.signed_on,
    source.summary,
    sentences.text as evidence,
    source.signed_on_precision,
    (
        select count(*) from public.agreement_parties as parties
        where parties.agreement_id = source.agreement_id
    ) as party_count,
    source.char_start,
    source.char_end,
    source.pattern_id,
    source.confidence
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on column api_v1.agreements.pattern_id is 'The rule that produced this fact: a pattern id of etl/extract/rules/ (kbio extract shows it). NULL for facts written before extractor 2026.12.04.';
comment on column api_v1.agreements.confidence is 'Precision of that rule on the development corpus (0-1), the chance that a fact it produces is right. NULL for facts written before extractor 2026.12.04.';
