-- rule: every agreement has at least two parties
select agreements.agreement_id, count(parties.organization_id) as parties
from public.agreements as agreements
left join public.agreement_parties as parties on parties.agreement_id = agreements.agreement_id
group by agreements.agreement_id
having count(parties.organization_id) < 2
