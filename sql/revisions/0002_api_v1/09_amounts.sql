-- grain: one row per money amount stated in an article
create view api_v1.amounts as
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
    source.char_end
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on view api_v1.amounts is 'One row per money amount stated in an article.';
comment on column api_v1.amounts.amount_id is 'Amount id.';
comment on column api_v1.amounts.article_id is 'Article stating it.';
comment on column api_v1.amounts.value is 'Value in units of the currency (1,500만 달러 = 15000000).';
comment on column api_v1.amounts.currency is 'ISO 4217 currency code.';
comment on column api_v1.amounts.qualifier is 'exact, approx (약, 여, 대), at_least (이상, 넘는) or at_most (최대, 이하).';
comment on column api_v1.amounts.raw_text is 'The expression as written.';
comment on column api_v1.amounts.agreement_id is 'Agreement the amount belongs to, when the sentence says so.';
comment on column api_v1.amounts.evidence is 'Sentence it was read from.';
comment on column api_v1.amounts.char_start is 'Start offset of raw_text in the article body.';
comment on column api_v1.amounts.char_end is 'End offset of raw_text in the article body.';
