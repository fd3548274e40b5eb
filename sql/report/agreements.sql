-- grain: one row per agreement event (api_v2) × Korean party × Boston-area party, with
-- the evidence of the event's first report
with first_reports as (
    select distinct on (agreement_event_id)
        agreement_event_id,
        article_id,
        sentence_id,
        evidence
    from api_v2.agreement_event_mentions
    where not is_copy
    order by agreement_event_id, published_on nulls last, article_id
),

event_parties as (
    select distinct mentions.agreement_event_id, parties.organization_id
    from api_v2.agreement_event_mentions as mentions
    inner join api_v1.agreement_parties as parties on parties.agreement_id = mentions.agreement_id
),

organizations as (
    select organization_id, name_ko, name_en, country, region_ko, is_boston_area
    from api_v1.organizations
)

select
    events.agreement_event_id as event_id,
    events.kind,
    events.status,
    events.signed_on as happened_on,
    events.signed_on_precision as date_precision,
    events.first_reported_on,
    events.article_count,
    korean.region_ko,
    korean.organization_id as korean_organization_id,
    korean.name_ko as korean_name_ko,
    korean.name_en as korean_name_en,
    boston.organization_id as boston_key,
    boston.name_ko as boston_name_ko,
    boston.name_en as boston_name_en,
    first_reports.article_id,
    first_reports.sentence_id,
    first_reports.evidence,
    events.confidence
from api_v2.agreement_events as events
inner join first_reports on first_reports.agreement_event_id = events.agreement_event_id
inner join event_parties as korean_parties on korean_parties.agreement_event_id = events.agreement_event_id
inner join organizations as korean
    on korean.organization_id = korean_parties.organization_id and korean.country = 'KR'
inner join event_parties as boston_parties on boston_parties.agreement_event_id = events.agreement_event_id
inner join organizations as boston
    on boston.organization_id = boston_parties.organization_id and boston.is_boston_area
order by events.agreement_event_id, korean.organization_id, boston.organization_id
