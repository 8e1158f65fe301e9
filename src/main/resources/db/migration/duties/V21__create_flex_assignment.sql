-- Duties changed by an authorised flex: which flex changed a planned duty and what it carried
-- before, so that ending a flex early restores the remaining days exactly.
create table duties.flex_assignment (
	id bigserial primary key,
	duty_id bigint not null references duties.duty,
	flex_reference text not null check (length(flex_reference) between 1 and 40),
	previous_code text not null references duties.activity_code,
	previous_ward text references geography.ward,
	receiving_ward text not null references geography.ward,
	flexed_at timestamptz not null default now(),
	flexed_by text not null,
	released_at timestamptz,
	released_by text,
	check ((released_at is null) = (released_by is null))
);
create unique index flex_assignment_open_ix on duties.flex_assignment (duty_id) where released_at is null;
create index flex_assignment_reference_ix on duties.flex_assignment (flex_reference);
comment on table duties.flex_assignment is 'A planned duty given the Authorised SNT flex code by a flex (the resource office''s CARM update, done by the system on authorisation), with the code and ward it carried before. A duty is in at most one open assignment; released ones are kept as history.';
comment on column duties.flex_assignment.flex_reference is 'The flex request that changed the duty (e.g. FLEX-12).';
comment on column duties.flex_assignment.previous_code is 'The activity code before the flex, restored on release.';
comment on column duties.flex_assignment.previous_ward is 'The ward before the flex, restored on release.';
comment on column duties.flex_assignment.receiving_ward is 'The ward the duty was flexed to.';
comment on column duties.flex_assignment.released_at is 'When the duty was given back its earlier code and ward (the flex ended before this day); null while flexed.';
