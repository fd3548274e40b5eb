-- grain: one row per agreement party
create view api_v1.agreement_parties as
with source as (
    select * from public.agreement_parties
),

organizations as (
    select * from api_v1.organizations
)

select
    source.agreement_id,
    source.organization_id,
    organizations.name_ko,
    organizations.name_en,
    organizations.country,
    organizations.region_ko,
    organizations.is_boston_area,
    source.surface,
    organizations.org_type,
    organizations.is_resolved
from source
inner join organizations on organizations.organization_id = source.organization_id;

comment on view api_v1.agreement_parties is 'One row per agreement party.';
comment on column api_v1.agreement_parties.agreement_id is 'Agreement.';
comment on column api_v1.agreement_parties.organization_id is 'Party (a province or city counts through its government).';
comment on column api_v1.agreement_parties.name_ko is 'Korean name of the party.';
comment on column api_v1.agreement_parties.name_en is 'English name of the party.';
comment on column api_v1.agreement_parties.country is 'ISO 3166-1 alpha-2 country of the party.';
comment on column api_v1.agreement_parties.region_ko is 'Korean provincial-level division of a Korean party.';
comment on column api_v1.agreement_parties.is_boston_area is 'True for a party in Massachusetts.';
comment on column api_v1.agreement_parties.surface is 'The party as the article names it.';
comment on column api_v1.agreement_parties.org_type is 'Organization type.';
comment on column api_v1.agreement_parties.is_resolved is 'False when the party is not in reference data yet.';
