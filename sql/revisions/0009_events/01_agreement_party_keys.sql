-- grain: one row per agreement party, keyed so that a province and its government are one party
create view kbio_private.agreement_party_keys as
select
    parties.agreement_id,
    case
        when organizations.org_type = 'local_government' and organizations.region_place_id is not null
            then 'p' || organizations.region_place_id
        else 'o' || organizations.organization_id
    end as party_key
from public.agreement_parties as parties
inner join public.organizations as organizations
    on organizations.organization_id = parties.organization_id;
