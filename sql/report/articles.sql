-- grain: one row per article
select article_id, source_name, title, publisher, published_on
from api_v1.articles
order by article_id
