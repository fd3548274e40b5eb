-- grain: one row per organization found in articles but not in the reference data
create view api_v1.curation_queue as
with unresolved as (
    select * from api_v1.organizations where not is_resolved
),

mentions as (
    select m.organization_id as entity_id, m.article_id, s.text as sentence
    from public.mentions as m
    inner join public.sentences as s on s.sentence_id = m.sentence_id
    where m.organization_id in (select organization_id from unresolved)
),

party_rows as (
    select organization_id, count(*) as agreements
    from api_v1.agreement_parties
    group by organization_id
),

queue as (
    select
        unresolved.organization_id,
        unresolved.name_ko,
        unresolved.name_en,
        unresolved.org_type,
        unresolved.country,
        count(mentions.entity_id) as mentions,
        count(distinct mentions.article_id) as articles,
        coalesce(max(party_rows.agreements), 0) as agreements,
        min(mentions.article_id) as first_article_id,
        min(mentions.sentence) as example_sentence
    from unresolved
    left join mentions on mentions.entity_id = unresolved.organization_id
    left join party_rows on party_rows.organization_id = unresolved.organization_id
    group by 1, 2, 3, 4, 5
)

select * from queue;

comment on view api_v1.curation_queue is 'One row per organization found in articles but not in the reference data: what to add to seeds/reference/organizations.csv next (order by mentions desc).';
comment on column api_v1.curation_queue.organization_id is 'Organization.';
comment on column api_v1.curation_queue.name_ko is 'Name as found.';
comment on column api_v1.curation_queue.name_en is 'English name, when the article wrote it in Latin letters.';
comment on column api_v1.curation_queue.org_type is 'Type guessed from the name''s suffix.';
comment on column api_v1.curation_queue.country is 'Country, when a country name came right before it.';
comment on column api_v1.curation_queue.mentions is 'Times mentioned.';
comment on column api_v1.curation_queue.articles is 'Articles mentioning it.';
comment on column api_v1.curation_queue.agreements is 'Agreements it is party to.';
comment on column api_v1.curation_queue.first_article_id is 'Lowest article id mentioning it.';
comment on column api_v1.curation_queue.example_sentence is 'A sentence it appears in.';
