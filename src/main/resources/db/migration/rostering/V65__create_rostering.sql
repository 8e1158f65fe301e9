-- Rostering: rosters built by the solver from a cluster's shift pattern, their slots (one officer
-- place on one tour of one day) and the rules each broke at the last scoring.
create schema rostering;

create table rostering.roster (
	id bigserial primary key,
	cluster_id text not null,
	borough_code text not null,
	pattern_id bigint not null,
	start_date date not null,
	weeks integer not null check (weeks between 1 and 26),
	status text not null check (status in ('SOLVING', 'SOLVED', 'FAILED', 'PUBLISHED')),
	seconds integer not null check (seconds between 1 and 600),
	score text,
	hard_score integer,
	medium_score integer,
	soft_score integer,
	violations jsonb not null default '[]',
	solve_started_at timestamptz,
	solve_ended_at timestamptz,
	move_evaluation_speed bigint,
	message text not null default '',
	version integer not null default 0,
	created_by text not null,
	created_at timestamptz not null default now(),
	published_by text,
	published_at timestamptz
);
create index roster_cluster_ix on rostering.roster (cluster_id, start_date);
comment on table rostering.roster is 'A roster: a cluster''s officers on a stored shift pattern for a rotating cycle of weeks from start_date, solved in the background, then published as planned duties.';
comment on column rostering.roster.cluster_id is 'The cluster (geography module id) whose wards'' officers are rostered.';
comment on column rostering.roster.borough_code is 'The cluster''s borough, for access checks and the audit trail.';
comment on column rostering.roster.pattern_id is 'The shift pattern (shifts module) the roster fills.';
comment on column rostering.roster.start_date is 'The first day of the roster.';
comment on column rostering.roster.weeks is 'The length of the rotating cycle in weeks.';
comment on column rostering.roster.status is 'SOLVING (the solver is working), SOLVED (best found kept), FAILED (see message), PUBLISHED (written as planned duties).';
comment on column rostering.roster.seconds is 'The solver''s time limit for a solve.';
comment on column rostering.roster.score is 'The last score (hard/medium/soft) as the solver writes it.';
comment on column rostering.roster.hard_score is 'Hard part of the score: Police Regulations, absences and ring-fence (0 when none broken).';
comment on column rostering.roster.medium_score is 'Medium part: minus the number of unfilled slots.';
comment on column rostering.roster.soft_score is 'Soft part: fairness and officers away from their own ward.';
comment on column rostering.roster.violations is 'Each broken rule at the last scoring: [{rule, level, personId, officer, dates, detail}].';
comment on column rostering.roster.solve_started_at is 'When the last solve started.';
comment on column rostering.roster.solve_ended_at is 'When the last solve ended (empty while solving).';
comment on column rostering.roster.move_evaluation_speed is 'The solver''s move evaluation speed (moves per second) in the last solve.';
comment on column rostering.roster.message is 'Why the last solve failed, or other notes.';
comment on column rostering.roster.version is 'Incremented at each change of the roster or its slots.';
comment on column rostering.roster.created_by is 'Who asked for the roster.';
comment on column rostering.roster.created_at is 'When the roster was asked for.';
comment on column rostering.roster.published_by is 'Who published it.';
comment on column rostering.roster.published_at is 'When it was published (its tours written as planned duties).';

create table rostering.roster_slot (
	roster_id bigint not null references rostering.roster on delete cascade,
	slot_id text not null,
	day integer not null check (day >= 0),
	duty_date date not null,
	start_time time not null,
	length_minutes integer not null check (length_minutes between 1 and 1440),
	role text not null check (role in ('CONSTABLE', 'PCSO', 'SERGEANT')),
	ward_code text not null,
	person_id bigint,
	pinned boolean not null default false,
	primary key (roster_id, slot_id)
);
comment on table rostering.roster_slot is 'One officer place on one tour of one day of a roster, and who fills it (empty when unfilled).';
comment on column rostering.roster_slot.roster_id is 'The roster.';
comment on column rostering.roster_slot.slot_id is 'The slot''s id within the roster (day, shift, place).';
comment on column rostering.roster_slot.day is 'Days from the roster''s start date (0 based).';
comment on column rostering.roster_slot.duty_date is 'The roster date of the tour.';
comment on column rostering.roster_slot.start_time is 'Local (London) start time.';
comment on column rostering.roster_slot.length_minutes is 'Length of the tour in minutes (may cross midnight).';
comment on column rostering.roster_slot.role is 'Who fills it: CONSTABLE (PC or DWO), PCSO or SERGEANT.';
comment on column rostering.roster_slot.ward_code is 'The ward the tour is worked on.';
comment on column rostering.roster_slot.person_id is 'The officer (workforce person id); empty when unfilled.';
comment on column rostering.roster_slot.pinned is 'Set by hand: re-solving keeps this officer on this slot.';

create table rostering.roster_officer (
	roster_id bigint not null references rostering.roster on delete cascade,
	person_id bigint not null,
	name text not null,
	role text not null check (role in ('CONSTABLE', 'PCSO', 'SERGEANT')),
	home_ward text,
	primary key (roster_id, person_id)
);
comment on table rostering.roster_officer is 'The officers a roster was built for (the cluster''s postings on its start date), as they were then.';
comment on column rostering.roster_officer.roster_id is 'The roster.';
comment on column rostering.roster_officer.person_id is 'The officer (workforce person id).';
comment on column rostering.roster_officer.name is 'Their name when the roster was made.';
comment on column rostering.roster_officer.role is 'The roster role they fill.';
comment on column rostering.roster_officer.home_ward is 'Their ward (empty when posted to the cluster).';
