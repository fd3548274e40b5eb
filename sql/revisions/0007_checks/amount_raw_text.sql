-- rule: an amount's raw text is what its offsets cut out of the body, and its value is positive
select amounts.amount_id, amounts.raw_text, amounts.value
from public.amounts as amounts
inner join public.articles as articles on articles.article_id = amounts.article_id
where substr(articles.body, amounts.char_start + 1, amounts.char_end - amounts.char_start) <> amounts.raw_text
    or amounts.value <= 0
