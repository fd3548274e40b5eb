-- rule: a near-duplicate copy adds no fact of its own and copies an article that is not itself a copy
select copies.article_id, copies.duplicate_of, 'has facts' as problem
from public.articles as copies
where copies.duplicate_of is not null
    and (
        exists (select from public.mentions where mentions.article_id = copies.article_id)
        or exists (select from public.visits where visits.article_id = copies.article_id)
        or exists (select from public.agreements where agreements.article_id = copies.article_id)
        or exists (select from public.amounts where amounts.article_id = copies.article_id)
    )
union all
select copies.article_id, copies.duplicate_of, 'copies a copy'
from public.articles as copies
inner join public.articles as originals on originals.article_id = copies.duplicate_of
where originals.duplicate_of is not null
