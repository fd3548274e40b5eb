-- rule: a visit reported as completed did not happen after the article was published
select visits.visit_id, visits.visit_on, articles.published_on
from public.visits as visits
inner join public.articles as articles on articles.article_id = visits.article_id
where visits.status = 'completed'
    and visits.visit_on is not null
    and articles.published_on is not null
    and visits.visit_on > articles.published_on
