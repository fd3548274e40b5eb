-- grain: one row per agreement reported in an article
create view api_v1.agreements as
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
    source.char_end
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on view api_v1.agreements is 'One row per agreement (MOU, contract, agreed cooperation) reported in an article.';
comment on column api_v1.agreements.agreement_id is 'Agreement id.';
comment on column api_v1.agreements.article_id is 'Article reporting it.';
comment on column api_v1.agreements.kind is 'mou, contract or cooperation.';
comment on column api_v1.agreements.status is 'signed, planned or agreed (cooperation agreed without a signed document).';
comment on column api_v1.agreements.signed_on is 'Signing date (for planned ones, the announced date) when the article gives it.';
comment on column api_v1.agreements.summary is 'The clause that states the agreement.';
comment on column api_v1.agreements.evidence is 'The sentence it was read from.';
comment on column api_v1.agreements.signed_on_precision is 'day, month or year; NULL when signed_on is NULL.';
comment on column api_v1.agreements.party_count is 'Number of parties.';
comment on column api_v1.agreements.char_start is 'Start offset of the clause in the article body.';
comment on column api_v1.agreements.char_end is 'End offset of the clause in the article body.';
