-- rule: every article has exactly one current version, and it is the article's content
with current_versions as (
    select article_id, count(*) as current_count, max(content_sha256) as content_sha256
    from public.article_versions
    where current_to is null
    group by article_id
)

select articles.article_id, current_versions.current_count
from public.articles as articles
left join current_versions on current_versions.article_id = articles.article_id
where current_versions.current_count is distinct from 1
    or current_versions.content_sha256 <> articles.content_sha256
