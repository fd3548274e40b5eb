-- grain: one row per Korean region, agreement kind and status
create view api_v1.agreements_by_region as
with korean_parties as (
    select distinct agreement_id, region_ko from api_v1.agreement_parties where country = 'KR'
),

boston as (
    select distinct agreement_id from api_v1.agreement_parties where is_boston_area
),

agreements as (
    select * from api_v1.agreements
),

amounts as (
    select
        agreement_id,
        sum(value) filter (where currency = 'USD') as usd,
        sum(value) filter (where currency = 'KRW') as krw,
        count(*) as amount_count
    from api_v1.amounts
    where agreement_id is not null
    group by agreement_id
),

by_region as (
    select
        korean_parties.region_ko,
        agreements.kind,
        agreements.status,
        count(distinct agreements.agreement_id) as agreements,
        count(distinct boston.agreement_id) as boston_agreements,
        sum(amounts.usd) as amount_usd,
        sum(amounts.krw) as amount_krw,
        coalesce(sum(amounts.amount_count), 0)::bigint as amounts
    from agreements
    inner join korean_parties on korean_parties.agreement_id = agreements.agreement_id
    left join boston on boston.agreement_id = agreements.agreement_id
    left join amounts on amounts.agreement_id = agreements.agreement_id
    group by 1, 2, 3
)

select * from by_region;

comment on view api_v1.agreements_by_region is 'One row per Korean region (of a Korean party), agreement kind and status: how many agreements, how many with a Massachusetts party, and the amounts attached to them.';
comment on column api_v1.agreements_by_region.region_ko is 'Korean provincial-level division of a Korean party; NULL for national bodies.';
comment on column api_v1.agreements_by_region.kind is 'mou, contract or cooperation.';
comment on column api_v1.agreements_by_region.status is 'signed, planned or agreed.';
comment on column api_v1.agreements_by_region.agreements is 'Agreements.';
comment on column api_v1.agreements_by_region.boston_agreements is 'Of which with a Massachusetts party.';
comment on column api_v1.agreements_by_region.amount_usd is 'Sum of the USD amounts attached to these agreements (bounds and approximations added as stated).';
comment on column api_v1.agreements_by_region.amount_krw is 'Sum of the KRW amounts attached to these agreements.';
comment on column api_v1.agreements_by_region.amounts is 'Number of amounts attached.';
