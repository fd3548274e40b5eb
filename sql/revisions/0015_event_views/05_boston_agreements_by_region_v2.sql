-- revision 0015: the same columns and rows as revision 0014, each signed event's parties
-- read from the organization ids the event refresh stores on it (party_organization_ids),
-- and only the events whose stored parties are Korean and Boston-area (is_korea_boston,
-- which holds exactly when this view has rows for the event): `limit 100` reads about
-- 100 events and their parties' organizations, none of their members
-- grain: one row per signed agreement event, Korean party and Boston-area party
create or replace view api_v2.boston_agreements_by_region as
select
    events.agreement_event_id,
    regions.name_ko as region_ko,
    korean.name_ko as korean_party,
    coalesce(boston.name_en, boston.name_ko) as boston_party,
    events.kind,
    events.signed_on,
    events.signed_on_precision,
    events.first_reported_on,
    events.article_count,
    korean.organization_id as korean_organization_id,
    boston.organization_id as boston_organization_id,
    events.pattern_id,
    events.confidence
from public.agreement_events as events
cross join lateral unnest(events.party_organization_ids) as korean_parties (organization_id)
inner join public.organizations as korean
    on korean.organization_id = korean_parties.organization_id and korean.country = 'KR'
left join public.places as regions on regions.place_id = korean.region_place_id
cross join lateral unnest(events.party_organization_ids) as boston_parties (organization_id)
inner join public.organizations as boston
    on boston.organization_id = boston_parties.organization_id and boston.is_boston_area
where events.status = 'signed' and events.is_korea_boston;
