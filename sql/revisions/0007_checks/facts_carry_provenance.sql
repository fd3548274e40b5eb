-- rule: every fact says which extractor and which run wrote it
select 'mention' as fact, mention_id as fact_id from public.mentions
where extractor_version = '' or run_id is null
union all
select 'visit', visit_id from public.visits where extractor_version = '' or run_id is null
union all
select 'agreement', agreement_id from public.agreements where extractor_version = '' or run_id is null
union all
select 'amount', amount_id from public.amounts where extractor_version = '' or run_id is null
