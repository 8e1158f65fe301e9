-- Duties: the duty record every report is built from, and the versioned classification of
-- activity codes (what counts as duty time, what is an abstraction, which report column).
create schema duties;

create table duties.activity_code (
	code text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
	name text not null check (length(name) between 1 and 100),
	created_at timestamptz not null default now(),
	created_by text not null default 'system'
);
comment on table duties.activity_code is 'An activity (operation) code carried by every tour of duty, as in the duty system (CARM).';

create table duties.rule_set (
	id bigserial primary key,
	name text not null unique,
	effective_from date not null unique,
	note text not null default '',
	created_at timestamptz not null default now(),
	created_by text not null default 'system'
);
comment on table duties.rule_set is 'A complete classification of activity codes in force from effective_from until the next rule set. Duties are classified by the set in force on their duty date, so a new set never rewrites earlier months.';

create table duties.classification (
	rule_set_id bigint not null references duties.rule_set,
	code text not null references duties.activity_code,
	activity_class text not null check (activity_class in ('ON_WARD', 'CROSS_BOUNDARY_SHORT', 'REST_DAY',
		'ANNUAL_LEAVE', 'OTHER_LEAVE', 'SICKNESS', 'TRAINING', 'SPECIALIST_SKILLS', 'PLANNED_EVENT', 'ABSTRACTION',
		'AUTHORISED_FLEX', 'SIGNIFICANT_EVENT')),
	counts_as_duty boolean not null,
	abstracted boolean not null,
	report_type text not null check (length(report_type) between 1 and 60),
	primary key (rule_set_id, code),
	check (counts_as_duty or not abstracted)
);
comment on table duties.classification is 'How one rule set classifies one code: its class, whether it counts as duty time, whether it is abstracted from duty (Abstracted from Duty Yes/No), and its Abstraction Type column in the monthly report.';

create table duties.duty (
	id bigserial primary key,
	person_id bigint not null references workforce.person,
	kind text not null check (kind in ('PLANNED', 'ACTUAL')),
	duty_date date not null,
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	ward_code text references geography.ward,
	place text not null default '',
	activity_code text not null references duties.activity_code,
	notice_days integer check (notice_days is null or notice_days >= 0),
	source text not null,
	version integer not null default 0,
	changed_by text not null,
	changed_at timestamptz not null default now(),
	check (ends_at > starts_at),
	check (ends_at - starts_at <= interval '24 hours'),
	check (duty_date between (starts_at at time zone 'Europe/London')::date - 1 and (starts_at at time zone 'Europe/London')::date),
	constraint duty_no_overlap exclude using gist (person_id with =, kind with =, tstzrange(starts_at, ends_at) with &&),
	constraint duty_natural_key unique (person_id, kind, starts_at)
);
create index duty_starts_ix on duties.duty (starts_at);
create index duty_date_ix on duties.duty (duty_date);
comment on table duties.duty is 'One tour of duty (or rest day, leave, sickness) of one person: planned or actual, with its time, place (a ward, or elsewhere described in place) and activity code. Tours may cross midnight. One person cannot be in two duties of the same kind at once (exclusion constraint). Rest days and leave take the hours of the tour they replace.';
comment on column duties.duty.notice_days is 'For a rest day cancelled (turned into a duty): days of notice given.';
comment on column duties.duty.duty_date is 'The roster date of the tour (the date it starts, local time; a tour starting just after midnight may belong to the previous date).';

create table duties.duty_history (
	id bigserial primary key,
	duty_id bigint not null,
	version integer not null,
	state jsonb not null,
	changed_by text not null,
	changed_at timestamptz not null,
	replaced_at timestamptz not null default now(),
	unique (duty_id, version)
);
comment on table duties.duty_history is 'Earlier versions of changed duties (the audit trail holds the same, this is for reading a duty''s history quickly).';
