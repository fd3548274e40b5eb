-- revision 0015: what api_v2 shows of each agreement event that its members say (the
-- parties, the best report), computed per event as revision 0014's views computed it.
-- Read by kbio_private.store_agreement_event_reads() for the events it is given, and by
-- the data check event_reads_current for all of them.
-- grain: one row per agreement event
create view kbio_private.agreement_event_reads as
select
    events.agreement_event_id,
    party_lists.parties_ko,
    party_lists.parties_en,
    party_lists.party_count::integer as party_count,
    coalesce(party_lists.is_korea_boston, false) as is_korea_boston,
    coalesce(party_lists.party_organization_ids, '{}') as party_organization_ids,
    best.pattern_id,
    best.confidence
from public.agreement_events as events
cross join lateral (
    select
        string_agg(parties.name_ko, ', ' order by parties.name_ko, parties.organization_id) as parties_ko,
        string_agg(parties.name_en, ', ' order by parties.name_ko, parties.organization_id) as parties_en,
        count(*) as party_count,
        bool_or(parties.country = 'KR') and bool_or(parties.is_boston_area) as is_korea_boston,
        array_agg(parties.organization_id order by parties.organization_id) as party_organization_ids
    from (
        select distinct on (organizations.organization_id)
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
