-- grain: one row per agreement event (one real-world signing or agreement, however many articles report it)
create view api_v2.agreement_events as
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
    events.copy_count
from events
left join party_lists on party_lists.agreement_event_id = events.agreement_event_id;

comment on view api_v2.agreement_events is 'One row per agreement event: one real-world MOU, contract or agreed cooperation, however many articles (and copies of articles) report it.';
comment on column api_v2.agreement_events.agreement_event_id is 'Agreement event id.';
comment on column api_v2.agreement_events.kind is 'mou, contract or cooperation (cooperation when no report names a document).';
comment on column api_v2.agreement_events.status is 'Furthest status any report gives: planned, then agreed, then signed.';
comment on column api_v2.agreement_events.signed_on is 'Signing date when any report states it (a signed report''s date first, then the most precise); for a planned event, the announced date.';
comment on column api_v2.agreement_events.signed_on_precision is 'day, month or year; NULL when signed_on is NULL.';
comment on column api_v2.agreement_events.parties_ko is 'Parties named by any report (Korean names, comma-separated).';
comment on column api_v2.agreement_events.parties_en is 'The same parties in English where known (comma-separated, same order).';
comment on column api_v2.agreement_events.party_count is 'Number of parties.';
comment on column api_v2.agreement_events.is_korea_boston is 'True when a Korean party and a Boston-area (Massachusetts) party are among the parties.';
comment on column api_v2.agreement_events.first_reported_on is 'Earliest publication date among the reporting articles (NULL when none states one).';
comment on column api_v2.agreement_events.last_reported_on is 'Latest publication date among the reporting articles.';
comment on column api_v2.agreement_events.article_count is 'Number of articles reporting it, copies included.';
comment on column api_v2.agreement_events.copy_count is 'How many of those articles are near-duplicate copies of another.';
