-- grain: one row per money amount stated in an article (api_v1), with the Korean region
-- of the agreement it is attached to, when it is attached to one with a Korean party
with agreement_regions as (
    select agreement_id, min(region_ko) as region_ko
    from api_v1.agreement_parties
    where country = 'KR' and region_ko is not null
    group by agreement_id
)

select
    amounts.amount_id,
    amounts.article_id,
    amounts.value,
    amounts.currency,
    amounts.qualifier,
    amounts.raw_text,
    amounts.agreement_id,
    agreement_regions.region_ko,
    amounts.evidence,
    articles.published_on
from api_v1.amounts as amounts
inner join api_v1.articles as articles on articles.article_id = amounts.article_id
left join agreement_regions on agreement_regions.agreement_id = amounts.agreement_id
order by amounts.amount_id
