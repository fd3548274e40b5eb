-- revision 0015: an organization whose names, country or Boston area change (a reload
-- of the reference data, a curator's update) changes the party lists stored on the
-- agreement events it is a party to: they are stored again in the same statement.
-- (Its type and region also make the events' party keys, which decide what a new
-- report links to; those are not recomputed here, as they were not before.)
create function kbio_private.organizations_changed()
returns trigger
language plpgsql
as $fn$
begin
    perform kbio_private.store_agreement_event_reads(array(
        select distinct members.agreement_event_id
        from new_rows
        inner join old_rows on old_rows.organization_id = new_rows.organization_id
        inner join public.agreement_parties as parties
            on parties.organization_id = new_rows.organization_id
        inner join public.agreement_event_members as members
            on members.agreement_id = parties.agreement_id
        where (new_rows.name_ko, new_rows.name_en, new_rows.country, new_rows.is_boston_area)
            is distinct from (old_rows.name_ko, old_rows.name_en, old_rows.country, old_rows.is_boston_area)
    ));
    return null;
end
$fn$;

create trigger organizations_store_event_reads
after update on public.organizations
referencing old table as old_rows new table as new_rows
for each statement execute function kbio_private.organizations_changed();
