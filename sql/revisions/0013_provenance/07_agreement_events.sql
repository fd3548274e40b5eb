-- revision 0013: pattern_id and confidence of the event's best report added at the end
-- grain: one row per agreement event (one real-world signing or agreement, however many articles report it)
create or replace view api_v2.agreement_events as
with events as (
    select * from public.agreement_events
),

parties as (
    select
        members.agreement_event_id,
        organizations.organization_id,
        organizations.name_ko,
        coalesce(organizations.name_en, organizations.name_ko) as name_en,
        organizations.country,
        organizations.is_boston_area
    from public.agreement_event_members as members
    inner join public.agreement_parties as agreement_parties
        on agreement_parties.agreement_id = members.agreement_id
    inner join public.organizations as organizations
        on organizations.organization_id = agreement_parties.organization_id
    group by members.agreement_event_id, organizations.organization_id
),

party_lists as (
    select
        agreement_event_id,
        string_agg(name_ko, ', ' order by name_ko) as parties_ko,
        string_agg(name_en, ', ' order by name_ko) as parties_en,
        count(*) as party_count,
        bool_or(country = 'KR') and bool_or(is_boston_area) as is_korea_boston
    from parties
    group by agreement_event_id
)

select
    events.agreement_event_id,
    events.kind,
    events.status,
    events.signed_on,
    events.signed_on_precision,
    party_lists.parties_ko,
    party_lists.parties_en,
    coalesce(party_lists.party_count, 0) as party_count,
    coalesce(party_lists.is_korea_boston, false) as is_korea_boston,
    events.first_reported_on,
    events.last_reported_on,
    events.article_count,
    events.copy_count,
    best.pattern_id,
    best.confidence
from events
left join party_lists on party_lists.agreement_event_id = events.agreement_event_id
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.agreement_event_members as members
    inner join public.agreements as reports on reports.agreement_id = members.agreement_id
    where members.agreement_event_id = events.agreement_event_id
    order by reports.confidence desc nulls last, reports.agreement_id
    limit 1
) as best on true;

comment on column api_v2.agreement_events.pattern_id is 'The rule behind the event''s most reliable report (a pattern id of etl/extract/rules/).';
comment on column api_v2.agreement_events.confidence is 'Precision of that rule on the development corpus (0-1): the best of the event''s reports.';
