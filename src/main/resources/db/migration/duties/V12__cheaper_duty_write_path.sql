-- Imports write tens of thousands of duties in one statement. Per row, two costs dominated: the
-- GiST exclusion index over (person, kind, time range) and the row-by-row foreign-key checks of
-- the ward and the activity code (decision 9).

-- One exclusion constraint per kind: the same rule (one person cannot be in two planned, or two
-- actual, duties at once) with a two-column GiST key, cheaper to search and to insert into.
alter table duties.duty drop constraint duty_no_overlap;
alter table duties.duty add constraint duty_planned_no_overlap
	exclude using gist (person_id with =, tstzrange(starts_at, ends_at) with &&) where (kind = 'PLANNED');
alter table duties.duty add constraint duty_actual_no_overlap
	exclude using gist (person_id with =, tstzrange(starts_at, ends_at) with &&) where (kind = 'ACTUAL');

-- The ward and the activity code of a duty are checked once per statement, over all its rows,
-- instead of once per row. Wards and activity codes are never deleted or renamed (guarded below
-- and in geography), so a check when the duty is written holds for as long as the duty exists.
alter table duties.duty drop constraint duty_ward_code_fkey, drop constraint duty_activity_code_fkey;

create function duties.check_duty_references() returns trigger language plpgsql as $$
declare
	bad record;
begin
	select n.id, n.ward_code into bad from new_rows n
	where n.ward_code is not null and not exists (select 1 from geography.ward w where w.code = n.ward_code)
	limit 1;
	if found then
		raise exception using errcode = 'foreign_key_violation', constraint = 'duty_ward_code_ref',
			message = format('duty %s: there is no ward %s', bad.id, bad.ward_code);
	end if;
	select n.id, n.activity_code into bad from new_rows n
	where not exists (select 1 from duties.activity_code a where a.code = n.activity_code)
	limit 1;
	if found then
		raise exception using errcode = 'foreign_key_violation', constraint = 'duty_activity_code_ref',
			message = format('duty %s: there is no activity code %s', bad.id, bad.activity_code);
	end if;
	return null;
end $$;
comment on function duties.check_duty_references() is 'The foreign keys of duties.duty to geography.ward and duties.activity_code, checked once per statement over its new rows (decision 9).';

create trigger duty_references_on_insert after insert on duties.duty
	referencing new table as new_rows for each statement execute function duties.check_duty_references();
create trigger duty_references_on_update after update on duties.duty
	referencing new table as new_rows for each statement execute function duties.check_duty_references();

create function duties.refuse_code_removal() returns trigger language plpgsql as $$
begin
	if tg_op = 'DELETE' or new.code <> old.code then
		raise exception using errcode = 'restrict_violation',
			message = format('activity code %s cannot be deleted or renamed: duties and rule sets refer to it', old.code);
	end if;
	return new;
end $$;
create trigger activity_code_kept before delete or update on duties.activity_code
	for each row execute function duties.refuse_code_removal();
