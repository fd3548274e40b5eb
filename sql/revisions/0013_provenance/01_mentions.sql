-- revision 0013: the columns pattern_id and confidence added at the end
-- grain: one row per occurrence of an entity in an article
create or replace view api_v1.mentions as
with source as (
    select * from public.mentions
),

sentences as (
    select sentence_id, sentence_index, text from public.sentences
)

select
    source.mention_id,
    source.article_id,
    case
        when source.official_id is not null then 'official'
        when source.organization_id is not null then 'organization'
        else 'place'
    end as entity_type,
    coalesce(source.official_id, source.organization_id, source.place_id) as entity_id,
    source.surface,
    sentences.text as sentence,
    source.char_start,
    source.char_end,
    sentences.sentence_index,
    source.extractor_version,
    source.pattern_id,
    source.confidence
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on column api_v1.mentions.pattern_id is 'The rule that produced this fact: a pattern id of etl/extract/rules/ (kbio extract shows it). NULL for facts written before extractor 2026.12.04.';
comment on column api_v1.mentions.confidence is 'Precision of that rule on the development corpus (0-1), the chance that a fact it produces is right. NULL for facts written before extractor 2026.12.04.';
