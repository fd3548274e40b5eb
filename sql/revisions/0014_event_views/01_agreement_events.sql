-- revision 0014: the same columns and rows as revision 0013, the party lists computed per
-- event (a lateral subquery) instead of for every event before any row is returned, so
-- that `limit 100` reads 100 events and their members, not all of them
-- grain: one row per agreement event (one real-world signing or agreement, however many articles report it)
create or replace view api_v2.agreement_events as
select
    events.agreement_event_id,
    events.kind,
    events.status,
    events.signed_on,
    events.signed_on_precision,
    party_lists.parties_ko,
    party_lists.parties_en,
    party_lists.party_count,
    coalesce(party_lists.is_korea_boston, false) as is_korea_boston,
    events.first_reported_on,
    events.last_reported_on,
    events.article_count,
    events.copy_count,
    best.pattern_id,
    best.confidence
from public.agreement_events as events
cross join lateral (
    select
        string_agg(parties.name_ko, ', ' order by parties.name_ko) as parties_ko,
        string_agg(parties.name_en, ', ' order by parties.name_ko) as parties_en,
        count(*) as party_count,
        bool_or(parties.country = 'KR') and bool_or(parties.is_boston_area) as is_korea_boston
    from (
        select distinct on (organizations.organization_id)
            organizations.name_ko,
            coalesce(organizations.name_en, organizations.name_ko) as name_en,
            organizations.country,
            organizations.is_boston_area
        from public.agreement_event_members as members
        inner join public.agreement_parties as agreement_parties
            on agreement_parties.agreement_id = members.agreement_id
        inner join public.organizations as organizations
            on organizations.organization_id = agreement_parties.organization_id
        where members.agreement_event_id = events.agreement_event_id
        order by organizations.organization_id
    ) as parties
) as party_lists
left join lateral (
    select reports.pattern_id, reports.confidence
    from public.agreement_event_members as members
    inner join public.agreements as reports on reports.agreement_id = members.agreement_id
    where members.agreement_event_id = events.agreement_event_id
    order by reports.confidence desc nulls last, reports.agreement_id
    limit 1
) as best on true;
