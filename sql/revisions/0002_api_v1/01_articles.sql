-- grain: one row per article (its current version)
create view api_v1.articles as
with source as (
    select * from public.articles
)

select
    source.article_id,
    source.source_name,
    source.content_sha256,
    source.title,
    source.publisher,
    source.reporter,
    source.published_on,
    source.loaded_at,
    source.extractor_version,
    source.run_id,
    (
        select count(*) from public.article_versions as versions
        where versions.article_id = source.article_id
    ) as version_count
from source;

comment on view api_v1.articles is 'One row per article (its current version): where it came from and its metadata.';
comment on column api_v1.articles.article_id is 'Article id; stable across re-loads of the same content.';
comment on column api_v1.articles.source_name is 'File name the article first arrived under.';
comment on column api_v1.articles.content_sha256 is 'sha256 of the decoded text as UTF-8 (the same page in two encodings has one hash).';
comment on column api_v1.articles.title is 'Headline.';
comment on column api_v1.articles.publisher is 'Publishing outlet, from the byline or copyright line; NULL when the page does not say.';
comment on column api_v1.articles.reporter is 'Reporter name from the byline; never an official.';
comment on column api_v1.articles.published_on is 'Publication date as the page states it; NULL rather than a guess (a page date widget is not one).';
comment on column api_v1.articles.loaded_at is 'When this version was loaded.';
comment on column api_v1.articles.extractor_version is 'Version of the cleaner and extractor that produced the facts.';
comment on column api_v1.articles.run_id is 'ETL run that loaded this version (see etl_runs).';
comment on column api_v1.articles.version_count is 'How many contents this article has had (1 unless the file changed).';
