-- grain: one row per occurrence of an entity in an article
create view api_v1.mentions as
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
    source.extractor_version
from source
inner join sentences on sentences.sentence_id = source.sentence_id;

comment on view api_v1.mentions is 'One row per occurrence of an official, organization or place in an article body.';
comment on column api_v1.mentions.mention_id is 'Mention id.';
comment on column api_v1.mentions.article_id is 'Article the mention is in.';
comment on column api_v1.mentions.entity_type is 'official, organization or place.';
comment on column api_v1.mentions.entity_id is 'official_id, organization_id or place_id, by entity_type.';
comment on column api_v1.mentions.surface is 'The text as written; equals substr(body, char_start + 1, char_end - char_start).';
comment on column api_v1.mentions.sentence is 'The sentence the mention is in.';
comment on column api_v1.mentions.char_start is 'Start offset (0-based, in characters) into the article body.';
comment on column api_v1.mentions.char_end is 'End offset (exclusive) into the article body.';
comment on column api_v1.mentions.sentence_index is 'Position of the sentence in the body (0-based).';
comment on column api_v1.mentions.extractor_version is 'Extractor version that found it.';
