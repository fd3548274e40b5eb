-- grain: one row per visit event to a Boston-area institution or place (api_v2), with
-- the visiting official's Korean side and the evidence of the event's first report
with first_reports as (
    select distinct on (visit_event_id)
        visit_event_id,
        article_id,
        sentence_id,
        evidence
    from api_v2.visit_event_mentions
    where not is_copy
    order by visit_event_id, published_on nulls last, article_id
),

officials as (
    select official_id, organization_id, region_ko from api_v1.officials
),

korean_organizations as (
    select organization_id, name_ko, name_en, region_ko
    from api_v1.organizations
    where country = 'KR'
)

select
    events.visit_event_id as event_id,
    events.status,
    events.visit_on as happened_on,
    events.date_precision,
    events.first_reported_on,
    events.article_count,
    events.official_name_ko,
    events.official_title_ko,
    coalesce(korean_organizations.region_ko, officials.region_ko) as region_ko,
    korean_organizations.organization_id as korean_organization_id,
    korean_organizations.name_ko as korean_name_ko,
    korean_organizations.name_en as korean_name_en,
    coalesce(events.organization_id, -events.place_id) as boston_key,
    events.target_ko as boston_name_ko,
    events.target_en as boston_name_en,
    first_reports.article_id,
    first_reports.sentence_id,
    first_reports.evidence,
    events.confidence
from api_v2.visit_events as events
inner join first_reports on first_reports.visit_event_id = events.visit_event_id
inner join officials on officials.official_id = events.official_id
left join korean_organizations on korean_organizations.organization_id = officials.organization_id
where events.is_boston_area
order by events.visit_event_id
