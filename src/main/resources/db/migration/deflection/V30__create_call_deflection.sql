-- Call deflection (SN Deployment Protocol, "MPS Conditional Deployment Protocol for Safer
-- Neighbourhood Team officers"): the categories of calls, each ward team's call priorities as
-- communicated to the CCC controllers, and every deflection decision with its four conditions.
create schema deflection;

create table deflection.call_category (
	code text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	name text not null unique check (length(name) between 1 and 100),
	arrest_likely boolean not null,
	sort_order integer not null
);
comment on table deflection.call_category is 'A category of call or incident as a controller classifies it. Ward teams accept categories (their call priorities); an incident has one category.';
comment on column deflection.call_category.arrest_likely is 'Calls of this category are likely to end in an arrest and so a protracted absence from the ward: condition 4 of the protocol fails for them.';

insert into deflection.call_category (code, name, arrest_likely, sort_order) values
	('ASB_YOUTH', 'ASB - youth nuisance', false, 10),
	('ASB_NEIGHBOUR', 'ASB - neighbour dispute', false, 20),
	('ASB_REPEAT_VICTIM', 'ASB - repeat or vulnerable victim visit', false, 30),
	('ASB_STREET', 'ASB - street drinking, begging, rough sleeping', false, 40),
	('BURGLARY_FOLLOW_UP', 'Burglary follow-up (reassurance, house-to-house)', false, 50),
	('MINOR_CRIME_REPORT', 'Minor crime report (criminal damage, theft)', false, 60),
	('VEHICLE_NUISANCE', 'Abandoned or nuisance vehicle', false, 70),
	('WELFARE_NON_URGENT', 'Concern for welfare (non-urgent)', false, 80),
	('SCHOOL_ISSUE', 'School-related issue', false, 90),
	('LOST_FOUND', 'Lost or found property', false, 100),
	('NOISE', 'Noise nuisance', false, 110),
	('SHOPLIFTER_DETAINED', 'Shoplifter detained by store staff', true, 200),
	('WANTED_PERSON', 'Wanted person sighted', true, 210),
	('DOMESTIC', 'Domestic incident', true, 220),
	('FIGHT_IN_PROGRESS', 'Fight or assault in progress', true, 230),
	('DRUGS_POSSESSION', 'Drugs possession or dealing seen', true, 240);

create table deflection.ward_priorities (
	ward_code text primary key references geography.ward,
	categories text[] not null,
	notes text not null default '' check (length(notes) <= 2000),
	last_reviewed date not null,
	reviewed_by text not null,
	version integer not null default 0,
	changed_at timestamptz not null default now()
);
comment on table deflection.ward_priorities is 'A ward team''s call priorities as communicated to the CCC controllers: the call categories the team accepts by deflection, free text, and when the team last reviewed them (the protocol makes keeping them up to date the team''s responsibility).';
comment on column deflection.ward_priorities.categories is 'Codes of deflection.call_category the team accepts.';
comment on column deflection.ward_priorities.last_reviewed is 'The day the ward sergeant or inspector last confirmed or changed the priorities; older than the configured number of days shows as stale.';

create table deflection.decision (
	id bigserial primary key,
	cad_reference text not null check (length(cad_reference) between 1 and 40),
	incident_at timestamptz not null,
	ward_code text not null references geography.ward,
	borough_code text not null references geography.borough,
	latitude double precision,
	longitude double precision,
	call_category text not null references deflection.call_category,
	needs_police_officer boolean not null,
	expected_minutes integer not null check (expected_minutes between 1 and 1440),
	critical_incident boolean not null,
	override_reason text check (override_reason is null or length(override_reason) between 1 and 1000),
	deflected boolean not null,
	overridden boolean not null,
	tag text check (tag is null or tag = 'SNT'),
	conditions jsonb not null,
	officers jsonb not null,
	warnings jsonb not null,
	settings jsonb not null,
	decided_by text not null,
	decided_at timestamptz not null default now(),
	outcome_minutes_away integer check (outcome_minutes_away is null or outcome_minutes_away between 0 and 2880),
	outcome_result text,
	outcome_note text not null default '',
	outcome_recorded_by text,
	outcome_recorded_at timestamptz,
	check ((tag = 'SNT') = deflected),
	check (not overridden or (deflected and critical_incident and override_reason is not null)),
	check ((outcome_result is null) = (outcome_minutes_away is null)),
	check (outcome_result is null or deflected)
);
create index decision_incident_ix on deflection.decision (incident_at);
create index decision_borough_ix on deflection.decision (borough_code, incident_at);
comment on table deflection.decision is 'One call deflection decision by a CCC controller: the incident (CAD reference, time, ward, category, whether it needs a police officer, expected duration, critical or major incident), the four protocol conditions as judged, the SNT officers on duty who may take it, the verdict, an explicit override with its reason, and later the outcome (time away from the ward). Every decision is kept, deflected or not.';
comment on column deflection.decision.tag is 'SNT for every deflected call (the protocol: deflected CADs are tagged SNT for later evaluation); null otherwise.';
comment on column deflection.decision.conditions is 'The four conditions as judged: [{number, name, passed, reason}].';
comment on column deflection.decision.officers is 'The SNT officers on duty in the ward at the time who may take the call: [{personId, name, role, roleTitle, onDutyUntil}].';
comment on column deflection.decision.settings is 'The thresholds the decision was judged by (maximum expected minutes, days before priorities are stale).';
comment on column deflection.decision.overridden is 'The controller used the protocol''s override for a developing critical or major incident: deflected although a condition failed.';
comment on column deflection.decision.outcome_minutes_away is 'Recorded afterwards: minutes the officer(s) spent away from ward duties on the call.';
