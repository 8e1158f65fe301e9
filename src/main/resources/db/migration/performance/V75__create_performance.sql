-- Performance framework: EPIC activity per team and month, the problem-solving database, survey
-- outcomes. Wards are referenced by code (geography.ward, foreign keys for integrity, decision
-- 0021); priorities, flex requests and deflected calls by id only (their modules own them).
create schema performance;
comment on schema performance is 'Performance framework: EPIC activity, problem solving, survey outcomes (issue 7).';

create table performance.epic_measure (
	code text primary key check (code ~ '^[a-z_]+$'),
	category text not null check (category in ('ENFORCEMENT', 'PREVENTION', 'INTELLIGENCE', 'COMMUNICATION')),
	label text not null,
	position integer not null unique
);
comment on table performance.epic_measure is 'The EPIC measures counted monthly per team, in their category (enforcement, prevention, intelligence, communication).';
comment on column performance.epic_measure.code is 'Stable code used in the API and the CSV import, e.g. arrests.';
comment on column performance.epic_measure.category is 'EPIC category: ENFORCEMENT, PREVENTION, INTELLIGENCE or COMMUNICATION.';
comment on column performance.epic_measure.label is 'Name shown on pages and reports.';
comment on column performance.epic_measure.position is 'Order on pages and reports.';

insert into performance.epic_measure (code, category, label, position) values
	('arrests', 'ENFORCEMENT', 'Arrests', 1),
	('warrants_executed', 'ENFORCEMENT', 'Warrants executed', 2),
	('asbos_injunctions', 'ENFORCEMENT', 'ASBOs and injunctions', 3),
	('asb_letters', 'PREVENTION', 'ASB letters', 4),
	('home_visits', 'PREVENTION', 'Home visits', 5),
	('abcs', 'PREVENTION', 'Acceptable behaviour contracts', 6),
	('crime_prevention_visits', 'PREVENTION', 'Crime prevention visits', 7),
	('intelligence_submissions', 'INTELLIGENCE', 'Intelligence submissions', 8),
	('key_individual_contacts', 'INTELLIGENCE', 'Key-individual contacts', 9),
	('meetings_held', 'COMMUNICATION', 'Meetings held', 10),
	('meeting_attendance', 'COMMUNICATION', 'Meeting attendance (people)', 11),
	('street_briefings', 'COMMUNICATION', 'Street briefings', 12),
	('newsletters', 'COMMUNICATION', 'Newsletters', 13),
	('victim_visits', 'COMMUNICATION', 'Victim visits', 14),
	('partnership_work', 'COMMUNICATION', 'Partnership work', 15);

create table performance.epic_activity (
	id bigint generated always as identity primary key,
	ward_code text not null references geography.ward,
	borough_code text not null references geography.borough,
	month date not null check (extract(day from month) = 1),
	measure text not null references performance.epic_measure,
	priority_id bigint check (priority_id > 0),
	count integer not null check (count >= 0 and count <= 100000),
	synthetic boolean not null default false,
	recorded_by text not null,
	recorded_at timestamptz not null default now()
);
create unique index epic_activity_natural_key on performance.epic_activity (ward_code, month, measure, (coalesce(priority_id, 0)));
create index epic_activity_month on performance.epic_activity (month, borough_code);
comment on table performance.epic_activity is 'EPIC activity: one count per team (ward), month and measure, optionally against one ward priority. Natural key ward+month+measure(+priority): entering it again replaces the count.';
comment on column performance.epic_activity.ward_code is 'The team''s ward.';
comment on column performance.epic_activity.borough_code is 'The ward''s borough (kept for scoped reading and fast borough totals).';
comment on column performance.epic_activity.month is 'First day of the month counted.';
comment on column performance.epic_activity.measure is 'The EPIC measure (performance.epic_measure).';
comment on column performance.epic_activity.priority_id is 'The ward priority (neighbourhood module) the activity was against; null when not linked.';
comment on column performance.epic_activity.count is 'How many in the month (people, for meeting attendance).';
comment on column performance.epic_activity.synthetic is 'True for generated demo data.';
comment on column performance.epic_activity.recorded_by is 'Username who entered or imported the count last.';
comment on column performance.epic_activity.recorded_at is 'When the count was entered or imported last.';

create table performance.problem (
	id bigint generated always as identity primary key,
	ward_code text not null references geography.ward,
	borough_code text not null references geography.borough,
	title text not null check (length(title) between 1 and 200),
	category text not null check (length(category) between 1 and 80),
	description text not null default '',
	stage text not null check (stage in ('RESEARCH', 'ENGAGE', 'IDENTIFY_PUBLIC_ISSUES', 'INVESTIGATE_AND_ANALYSE',
		'ESTABLISH_PUBLIC_CHOICES', 'PLAN_AND_ACTION', 'REVIEW')),
	opened_on date not null,
	opened_by text not null,
	closed_on date,
	closed_by text,
	evaluation_done text,
	evaluation_changed text,
	evaluation_demand jsonb,
	version integer not null default 0,
	check ((closed_on is null) = (closed_by is null)),
	check (closed_on is null or closed_on >= opened_on)
);
create index problem_search on performance.problem (borough_code, opened_on);
create index problem_ward on performance.problem (ward_code);
comment on table performance.problem is 'The problem-solving database: one problem worked through the seven-stage model, evaluated at close.';
comment on column performance.problem.ward_code is 'The ward (team) that owns the problem.';
comment on column performance.problem.borough_code is 'The ward''s borough.';
comment on column performance.problem.title is 'Short name of the problem.';
comment on column performance.problem.category is 'Category, e.g. "ASB - youth", "burglary".';
comment on column performance.problem.description is 'What the problem is.';
comment on column performance.problem.stage is 'Current stage of the seven-stage model.';
comment on column performance.problem.opened_on is 'Day the problem was opened.';
comment on column performance.problem.opened_by is 'Username who opened it.';
comment on column performance.problem.closed_on is 'Day it was closed after review (null while open).';
comment on column performance.problem.closed_by is 'Username who closed it.';
comment on column performance.problem.evaluation_done is 'Evaluation at close: what was done.';
comment on column performance.problem.evaluation_changed is 'Evaluation at close: what changed, in the team''s words.';
comment on column performance.problem.evaluation_demand is 'Evaluation at close: the ward''s demand (TNO, ASB, calls) in equal periods before and after, from the demand module, or {"available": false}.';
comment on column performance.problem.version is 'Optimistic lock, bumped on every change.';

create table performance.problem_stage_change (
	id bigint generated always as identity primary key,
	problem_id bigint not null references performance.problem,
	from_stage text,
	to_stage text not null,
	reason text,
	changed_by text not null,
	changed_at timestamptz not null default now()
);
create index problem_stage_change_problem on performance.problem_stage_change (problem_id);
comment on table performance.problem_stage_change is 'Every stage a problem entered, in order (also audited): forward, or back with a reason.';
comment on column performance.problem_stage_change.problem_id is 'The problem.';
comment on column performance.problem_stage_change.from_stage is 'Stage before (null when opened).';
comment on column performance.problem_stage_change.to_stage is 'Stage after; CLOSED when closed.';
comment on column performance.problem_stage_change.reason is 'Why (required when going back a stage).';
comment on column performance.problem_stage_change.changed_by is 'Username.';
comment on column performance.problem_stage_change.changed_at is 'When.';

create table performance.problem_partner (
	id bigint generated always as identity primary key,
	problem_id bigint not null references performance.problem,
	organisation text not null check (length(organisation) between 1 and 120),
	role text not null default '',
	unique (problem_id, organisation)
);
comment on table performance.problem_partner is 'Partners involved in a problem (organisations, not people).';
comment on column performance.problem_partner.problem_id is 'The problem.';
comment on column performance.problem_partner.organisation is 'The partner organisation, e.g. "Camden Council ASB team".';
comment on column performance.problem_partner.role is 'What the partner does in it.';

create table performance.problem_action (
	id bigint generated always as identity primary key,
	problem_id bigint not null references performance.problem,
	action text not null check (length(action) between 1 and 500),
	owner text not null default '',
	due_on date,
	done_on date,
	added_by text not null,
	added_at timestamptz not null default now()
);
create index problem_action_problem on performance.problem_action (problem_id);
comment on table performance.problem_action is 'Actions taken or planned on a problem.';
comment on column performance.problem_action.problem_id is 'The problem.';
comment on column performance.problem_action.action is 'What is to be done.';
comment on column performance.problem_action.owner is 'Who does it (a team, agency or role).';
comment on column performance.problem_action.due_on is 'When it is due.';
comment on column performance.problem_action.done_on is 'When it was done (null while open).';
comment on column performance.problem_action.added_by is 'Username who added it.';
comment on column performance.problem_action.added_at is 'When it was added.';

create table performance.problem_link (
	problem_id bigint not null references performance.problem,
	kind text not null check (kind in ('PRIORITY', 'FLEX_REQUEST', 'DEFLECTED_CALL')),
	ref_id bigint not null check (ref_id > 0),
	linked_by text not null,
	linked_at timestamptz not null default now(),
	primary key (problem_id, kind, ref_id)
);
comment on table performance.problem_link is 'Links from a problem to ward priorities, flex requests and deflected calls, by their ids in their modules.';
comment on column performance.problem_link.problem_id is 'The problem.';
comment on column performance.problem_link.kind is 'PRIORITY (neighbourhood), FLEX_REQUEST (flex) or DEFLECTED_CALL (deflection decision id).';
comment on column performance.problem_link.ref_id is 'The id in the owning module.';
comment on column performance.problem_link.linked_by is 'Username.';
comment on column performance.problem_link.linked_at is 'When.';

create table performance.survey_question (
	code text primary key check (code ~ '^[a-z_]+$'),
	label text not null,
	outcome boolean not null,
	higher_is_better boolean not null,
	position integer not null unique
);
comment on table performance.survey_question is 'Survey questions: the five outcomes of the SN performance framework and later questions.';
comment on column performance.survey_question.code is 'Code used in the CSV import.';
comment on column performance.survey_question.label is 'What the proportion measures.';
comment on column performance.survey_question.outcome is 'One of the five outcomes of the 2007 framework.';
comment on column performance.survey_question.higher_is_better is 'False for concern about ASB (a rise is bad news).';
comment on column performance.survey_question.position is 'Order on reports.';

insert into performance.survey_question (code, label, outcome, higher_is_better, position) values
	('satisfaction', 'Satisfied with local policing', true, true, 1),
	('asb_concern', 'Concerned about anti-social behaviour', true, false, 2),
	('feel_safe', 'Feel safe in the area', true, true, 3),
	('understand_priorities', 'Confident police understand local priorities', true, true, 4),
	('deal_with_priorities', 'Confident police deal with local priorities', true, true, 5),
	('know_ward_officer', 'Know how to contact their local ward officer', false, true, 6);

create table performance.survey_result (
	id bigint generated always as identity primary key,
	period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
	area_type text not null check (area_type in ('BOROUGH', 'WARD')),
	area_code text not null,
	borough_code text not null references geography.borough,
	question text not null references performance.survey_question,
	positives integer not null check (positives >= 0),
	sample_size integer not null check (sample_size > 0 and positives <= sample_size),
	synthetic boolean not null default false,
	imported_by text not null,
	imported_at timestamptz not null default now(),
	unique (period, area_code, question)
);
create index survey_result_borough on performance.survey_result (borough_code, period);
comment on table performance.survey_result is 'Quarterly public attitude survey results: positives out of the sample, per borough (and ward where sampled) and question.';
comment on column performance.survey_result.period is 'Quarter, e.g. 2024-Q1 (calendar quarters).';
comment on column performance.survey_result.area_type is 'BOROUGH or WARD.';
comment on column performance.survey_result.area_code is 'Borough or ward code.';
comment on column performance.survey_result.borough_code is 'The borough (itself, or the ward''s).';
comment on column performance.survey_result.question is 'The question (performance.survey_question).';
comment on column performance.survey_result.positives is 'Respondents answering positively (for asb_concern: concerned).';
comment on column performance.survey_result.sample_size is 'Respondents asked.';
comment on column performance.survey_result.synthetic is 'True for generated demo results (shown as synthetic).';
comment on column performance.survey_result.imported_by is 'Username who imported it.';
comment on column performance.survey_result.imported_at is 'When.';
