-- Flex: PSP form 302 flex requests, their workflow and everything recorded along it.
create schema flex;

create table flex.request (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	receiving_ward text not null references geography.ward,
	problem_type text not null check (length(problem_type) between 1 and 100),
	intelligence_summary text not null check (length(intelligence_summary) between 1 and 4000),
	aims text not null check (length(aims) between 1 and 4000),
	objectives text not null check (length(objectives) between 1 and 4000),
	expected_results text not null check (length(expected_results) between 1 and 4000),
	problem_reference text not null default '' check (length(problem_reference) <= 100),
	first_day date not null,
	last_day date not null,
	duration_exception text check (duration_exception is null or length(duration_exception) between 1 and 4000),
	status text not null check (status in ('DRAFT', 'SUBMITTED', 'ESCALATED', 'WARDS_APPROVED', 'PRESENTED',
		'AUTHORISED', 'REJECTED', 'LIVE', 'ENDED', 'CLOSED')),
	rule_set_id bigint not null references protocol.rule_set,
	meeting_date date,
	meeting_reference text check (meeting_reference is null or length(meeting_reference) between 1 and 100),
	authorised_by text,
	authorised_at timestamptz,
	rejection_reasons text,
	endorsed_by text,
	endorsed_at timestamptz,
	ended_on date,
	end_reason text,
	closed_at timestamptz,
	last_checks jsonb,
	last_checked_at timestamptz,
	last_check_passed boolean,
	version integer not null default 0,
	created_by text not null,
	created_at timestamptz not null default now(),
	changed_at timestamptz not null default now(),
	check (last_day >= first_day),
	check (ended_on is null or ended_on >= first_day - 1)
);
create index request_borough_ix on flex.request (borough_code, status);
create index request_status_ix on flex.request (status);
comment on table flex.request is 'A PSP form 302 flex request: the receiving ward, the problem, aims, objectives, timescales, expected results and its place in the workflow (draft to closed). Its resource plan is in flex.officer.';
comment on column flex.request.borough_code is 'The receiving ward''s borough, whose superintendent authorises the flex.';
comment on column flex.request.receiving_ward is 'The ward receiving the flexed officers.';
comment on column flex.request.problem_type is 'The crime or ASB type of the problem (e.g. ASB - youth).';
comment on column flex.request.intelligence_summary is 'The intelligence behind the request.';
comment on column flex.request.aims is 'Aims of the problem-solving plan.';
comment on column flex.request.objectives is 'Objectives of the problem-solving plan.';
comment on column flex.request.expected_results is 'What the flex is expected to achieve.';
comment on column flex.request.problem_reference is 'Reference of the problem record (free text until problems are held here).';
comment on column flex.request.first_day is 'First day of the flex (timescales).';
comment on column flex.request.last_day is 'Last day of the flex as planned; a review may change it.';
comment on column flex.request.duration_exception is 'Reasons for running past the protocol''s limit (ideally 4 weeks), when recorded.';
comment on column flex.request.status is 'Where the request is in the workflow.';
comment on column flex.request.rule_set_id is 'The protocol rule set in force on the first day (the decision records which set it used; each transition records it too).';
comment on column flex.request.meeting_date is 'The borough tasking meeting where it was presented.';
comment on column flex.request.meeting_reference is 'The reference of that meeting (the tasking module''s, or the minutes'').';
comment on column flex.request.authorised_by is 'The superintendent who authorised it.';
comment on column flex.request.authorised_at is 'When it was authorised (and the duty records updated).';
comment on column flex.request.rejection_reasons is 'Why the superintendent rejected it.';
comment on column flex.request.endorsed_by is 'The superintendent who endorsed the PSP 302, confirming the duty records show the flex.';
comment on column flex.request.endorsed_at is 'When it was endorsed (and went live).';
comment on column flex.request.ended_on is 'The last day the flex ran (duties after it were given back).';
comment on column flex.request.end_reason is 'Why it ended when it did.';
comment on column flex.request.closed_at is 'When it was closed, every ward panel having had feedback.';
comment on column flex.request.last_checks is 'The latest checks of the plan against the duty records (JSON), at authorisation and after duty changes while live.';
comment on column flex.request.last_checked_at is 'When last_checks were made.';
comment on column flex.request.last_check_passed is 'Whether no check failed then.';
comment on column flex.request.version is 'Incremented on every change; a change at an older version is refused.';
comment on column flex.request.created_by is 'Who drafted it.';
comment on column flex.request.created_at is 'When it was drafted.';
comment on column flex.request.changed_at is 'When it last changed.';

create table flex.officer (
	request_id bigint not null references flex.request,
	person_id bigint not null references workforce.person,
	providing_ward text not null references geography.ward,
	first_day date not null,
	last_day date not null,
	tours text not null check (tours in ('ALL', 'EARLY', 'LATE')),
	primary key (request_id, person_id),
	check (last_day >= first_day)
);
comment on table flex.officer is 'The resource plan of a flex request: each named officer, the ward providing them, their days and which tours (all, early: starting before noon, late: from noon).';
comment on column flex.officer.person_id is 'The officer flexed.';
comment on column flex.officer.providing_ward is 'The ward team providing the officer.';
comment on column flex.officer.first_day is 'The officer''s first day on the flex.';
comment on column flex.officer.last_day is 'The officer''s last day on the flex (capped by the request''s last day).';
comment on column flex.officer.tours is 'Which of the officer''s rostered on-ward tours are flexed.';

create table flex.ward_dialogue (
	id bigserial primary key,
	request_id bigint not null references flex.request,
	ward_code text not null references geography.ward,
	ward_role text not null check (ward_role in ('RECEIVING', 'PROVIDING')),
	held_on date not null,
	summary text not null check (length(summary) between 1 and 4000),
	recorded_by text not null,
	recorded_at timestamptz not null default now()
);
create index ward_dialogue_request_ix on flex.ward_dialogue (request_id);
comment on table flex.ward_dialogue is 'The SMT lead''s dialogue with the panel of a receiving or providing ward about the purpose and rationale of the flex (before it, where possible).';
comment on column flex.ward_dialogue.ward_role is 'Whether the ward receives or provides officers.';
comment on column flex.ward_dialogue.held_on is 'When the panel was told.';
comment on column flex.ward_dialogue.summary is 'What was said.';

create table flex.review (
	id bigserial primary key,
	request_id bigint not null references flex.request,
	held_on date not null,
	outcome text not null check (outcome in ('CONTINUE', 'CHANGE', 'END')),
	notes text not null default '',
	new_last_day date,
	exception_reason text,
	recorded_by text not null,
	recorded_at timestamptz not null default now()
);
create index review_request_ix on flex.review (request_id);
comment on table flex.review is 'A review of a live flex at borough tasking (due 2 weeks after its start): continue, change its last day, or end it.';
comment on column flex.review.held_on is 'The day of the tasking meeting that reviewed it.';
comment on column flex.review.new_last_day is 'For a change or an end: the new last day.';
comment on column flex.review.exception_reason is 'Reasons recorded for running past the protocol''s limit.';

create table flex.feedback (
	request_id bigint not null references flex.request,
	ward_code text not null references geography.ward,
	given_on date not null,
	summary text not null check (length(summary) between 1 and 4000),
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	primary key (request_id, ward_code)
);
comment on table flex.feedback is 'Feedback on the outcome of the flex given to the panel of each ward involved (receiving and providing), after it ended.';

create table flex.transition (
	id bigserial primary key,
	request_id bigint not null references flex.request,
	action text not null,
	from_status text,
	to_status text not null,
	actor text not null,
	at timestamptz not null default now(),
	rule_set_id bigint references protocol.rule_set,
	details jsonb not null default '{}'
);
create index transition_request_ix on flex.transition (request_id, id);
comment on table flex.transition is 'The history of a flex request: every step (and re-check while live), who took it, when, under which rule set, and what was recorded (the checks at authorisation, the duties changed).';
comment on column flex.transition.rule_set_id is 'The protocol rule set in force on the flex''s first day when the step was taken.';
comment on column flex.transition.details is 'What the step recorded (JSON): notes, meeting, dialogues, checks, duties changed.';
