-- rule: every mention's offsets lie inside its article body and slice to its surface
with mentions as (
    select m.mention_id, m.char_start, m.char_end, m.surface, a.body
    from public.mentions as m
    inner join public.articles as a on a.article_id = m.article_id
)

select mention_id, char_start, char_end, surface
from mentions
where char_end > length(body)
    or substr(body, char_start + 1, char_end - char_start) <> surface
