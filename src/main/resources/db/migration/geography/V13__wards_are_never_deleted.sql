-- A ward is retired when boundaries change, never deleted or re-coded: duties, postings, reports
-- and the audit trail refer to it by code for as long as they are kept (decision 9).
create function geography.refuse_ward_removal() returns trigger language plpgsql as $$
begin
	if tg_op = 'DELETE' or new.code <> old.code then
		raise exception using errcode = 'restrict_violation',
			message = format('ward %s cannot be deleted or re-coded: retire it instead', old.code);
	end if;
	return new;
end $$;
create trigger ward_kept before delete or update of code on geography.ward
	for each row execute function geography.refuse_ward_removal();
