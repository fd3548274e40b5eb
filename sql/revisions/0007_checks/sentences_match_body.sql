-- rule: every sentence is the slice of its article body its offsets say
select sentences.sentence_id, sentences.article_id, sentences.sentence_index
from public.sentences as sentences
inner join public.articles as articles on articles.article_id = sentences.article_id
where substr(articles.body, sentences.char_start + 1, sentences.char_end - sentences.char_start)
    <> sentences.text
