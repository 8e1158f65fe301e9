-- Officers' rostering preferences: soft wishes the solver weighs (never above Police Regulations or
-- the ring-fence): weekdays they would rather have as rest days, and tour times they would rather avoid.
create table rostering.officer_preference (
	person_id bigint primary key,
	rest_days smallint[] not null default '{}' check (rest_days <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
	no_start_before time,
	no_end_after time,
	note text not null default '' check (length(note) <= 500),
	version integer not null default 0,
	changed_by text not null,
	changed_at timestamptz not null default now()
);
comment on table rostering.officer_preference is 'An officer''s rostering preferences (soft rules): preferred rest weekdays and tour times to avoid. One row per officer; absent means no preference.';
comment on column rostering.officer_preference.person_id is 'The officer (workforce person id; the workforce module owns people, so no foreign key across modules).';
comment on column rostering.officer_preference.rest_days is 'ISO weekdays (1 = Monday .. 7 = Sunday) the officer would rather not work.';
comment on column rostering.officer_preference.no_start_before is 'The officer would rather not start a tour before this local time (null: no wish).';
comment on column rostering.officer_preference.no_end_after is 'The officer would rather not work after this local time, a tour crossing midnight counting as ending after it (null: no wish).';
comment on column rostering.officer_preference.note is 'Why, in the officer''s words (e.g. childcare), at most 500 characters.';
comment on column rostering.officer_preference.version is 'Optimistic lock: a change names the version it read.';
comment on column rostering.officer_preference.changed_by is 'Who last set the preferences.';
comment on column rostering.officer_preference.changed_at is 'When they were last set.';
