-- Allocation: shared supervision decisions (which wards share a sergeant, the consultation behind
-- it, the borough commander's decision) and the Safer Schools needs analysis (schools with their
-- criteria by year, the criteria themselves, and each borough's recorded allocation of officers by
-- year). The allocation of extra officers to wards is computed on request and not stored.
create schema allocation;
comment on schema allocation is 'Demand-based allocation: shared supervision, extra officers, Safer Schools officers.';

create table allocation.supervision_plan (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	sergeants integer not null check (sergeants between 1 and 200),
	max_group_size integer not null default 2 check (max_group_size between 2 and 3),
	demand_from date not null,
	demand_to date not null,
	status text not null default 'PROPOSED' check (status in ('PROPOSED', 'DECIDED')),
	rationale text not null default '' check (length(rationale) <= 4000),
	proposed_by text not null,
	proposed_at timestamptz not null default now(),
	decided_by text,
	decided_at timestamptz,
	decision_note text not null default '' check (length(decision_note) <= 4000),
	effective_from date,
	version integer not null default 0,
	check (demand_to >= demand_from),
	check ((status = 'DECIDED') = (decided_at is not null and decided_by is not null and effective_from is not null))
);
comment on table allocation.supervision_plan is 'A borough''s shared supervision arrangement: proposed (from the recommendation or by hand), consulted on, then decided by the borough commander (superintendent) and published as a letter.';
comment on column allocation.supervision_plan.sergeants is 'Sergeants the borough has for its wards; wards minus sergeants is how many share.';
comment on column allocation.supervision_plan.max_group_size is '2: pairs of wards share a sergeant; 3: groups of three allowed.';
comment on column allocation.supervision_plan.demand_from is 'First day of the demand data (TNO, ASB, local factors) the plan was made from.';
comment on column allocation.supervision_plan.demand_to is 'Last day (inclusive) of the demand data the plan was made from.';
comment on column allocation.supervision_plan.status is 'PROPOSED while being consulted on; DECIDED once the borough commander has decided (then final).';
comment on column allocation.supervision_plan.rationale is 'Why these wards: the proposal paper''s reasoning, beyond the figures.';
comment on column allocation.supervision_plan.decided_by is 'Who decided (the borough commander: a superintendent account).';
comment on column allocation.supervision_plan.decision_note is 'The decision as recorded, with reasons and any changes after consultation.';
comment on column allocation.supervision_plan.effective_from is 'The day the shared supervision starts.';

create table allocation.supervision_group (
	plan_id bigint not null references allocation.supervision_plan on delete cascade,
	position integer not null check (position >= 1),
	cluster_code text references geography.cluster,
	combined_demand double precision not null check (combined_demand >= 0),
	rank_among_pairs integer not null default 0,
	explanation text not null,
	primary key (plan_id, position)
);
comment on table allocation.supervision_group is 'A group of adjacent wards (2 or 3) of a plan that share one sergeant, with its combined demand and the explanation given.';
comment on column allocation.supervision_group.combined_demand is 'The wards'' SN demand added up (TNO + ASB + local factors over the plan''s demand period).';
comment on column allocation.supervision_group.rank_among_pairs is 'For a pair, its place among all adjacent same-cluster pairs of the borough by combined demand (1 = lowest); 0 for a group of three or a pair given by hand across clusters.';

create table allocation.supervision_group_ward (
	plan_id bigint not null,
	position integer not null,
	ward_code text not null references geography.ward,
	ward_name text not null,
	tno bigint not null check (tno >= 0),
	asb bigint not null check (asb >= 0),
	calls bigint not null check (calls >= 0),
	local_factors double precision not null,
	sn_demand double precision not null,
	primary key (plan_id, ward_code),
	foreign key (plan_id, position) references allocation.supervision_group on delete cascade
);
comment on table allocation.supervision_group_ward is 'A ward of a shared group with its demand figures as they were when the plan was made. A ward is in at most one group of a plan.';
comment on column allocation.supervision_group_ward.tno is 'Recorded crimes (total notifiable offences) in the demand period.';
comment on column allocation.supervision_group_ward.asb is 'Anti-social behaviour incidents or ASB CAD calls in the demand period.';
comment on column allocation.supervision_group_ward.calls is 'CAD calls for service of every category in the demand period.';
comment on column allocation.supervision_group_ward.local_factors is 'Sum of the weights of the ward''s local factors (hospital, college, night-time economy, shared base).';
comment on column allocation.supervision_group_ward.sn_demand is 'TNO + ASB + local factors.';

create table allocation.consultation (
	id bigserial primary key,
	plan_id bigint not null references allocation.supervision_plan on delete cascade,
	consultee_type text not null check (consultee_type in ('WARD_PANEL', 'KIN', 'LOCAL_AUTHORITY', 'MP', 'OVERSIGHT_LINK_MEMBER', 'COUNCILLOR', 'OTHER')),
	consultee text not null check (length(consultee) between 1 and 200),
	consulted_on date not null,
	stance text not null check (stance in ('SUPPORTS', 'OBJECTS', 'COMMENTS', 'NO_RESPONSE')),
	response text not null default '' check (length(response) <= 4000),
	recorded_by text not null,
	recorded_at timestamptz not null default now()
);
comment on table allocation.consultation is 'Who was consulted on a shared supervision plan (ward panels, key individual networks, the local authority, MPs, the oversight link member), when, and their response.';
comment on column allocation.consultation.consultee_type is 'WARD_PANEL, KIN (key individual network), LOCAL_AUTHORITY, MP, OVERSIGHT_LINK_MEMBER (MPA/MOPAC link member), COUNCILLOR or OTHER.';
comment on column allocation.consultation.consultee is 'Who: e.g. "Kilburn ward panel (chair)", "Camden Council community safety lead".';
comment on column allocation.consultation.consulted_on is 'When they were consulted (or when the proposal paper was sent).';
comment on column allocation.consultation.stance is 'Their view: SUPPORTS, OBJECTS, COMMENTS or NO_RESPONSE.';
create index consultation_plan_ix on allocation.consultation (plan_id, consulted_on);

create table allocation.school_criterion (
	code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
	label text not null check (length(label) between 1 and 200),
	direction text not null check (direction in ('HIGHER_IS_WORSE', 'HIGHER_IS_BETTER')),
	default_weight double precision not null check (default_weight >= 0 and default_weight <= 100),
	source text not null default 'FILE' check (source in ('FILE', 'WARD_ASB', 'WARD_TNO')),
	borough_code text references geography.borough,
	builtin boolean not null default false,
	created_by text not null default 'system',
	created_at timestamptz not null default now()
);
comment on table allocation.school_criterion is 'A criterion of the Safer Schools needs analysis: the 2011 list, and others a borough adds (bullying incidents, managed moves, ...).';
comment on column allocation.school_criterion.direction is 'HIGHER_IS_WORSE (more need) or HIGHER_IS_BETTER (e.g. GCSE attainment); a ranking may override it.';
comment on column allocation.school_criterion.default_weight is 'The weight a ranking uses unless told otherwise (0 leaves the criterion out).';
comment on column allocation.school_criterion.source is 'FILE: imported with the schools; WARD_ASB / WARD_TNO: the ASB / crime recorded in the school''s ward over the demand period.';
comment on column allocation.school_criterion.borough_code is 'The borough that added it (its own partnership''s criterion); null for London-wide criteria.';

insert into allocation.school_criterion (code, label, direction, default_weight, source, builtin) values
	('deprivation', 'Deprivation (e.g. IDACI score of the school''s area)', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('gcse_ac', 'Attainment: GCSE grades A*-C (9-4), % of pupils', 'HIGHER_IS_BETTER', 1, 'FILE', true),
	('permanent_exclusions', 'Permanent exclusion rate', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('unauthorised_absence', 'Unauthorised absence, % of sessions', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('free_school_meals', 'Free school meals, % of pupils', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('asb_around', 'Anti-social behaviour recorded around the school (its ward)', 'HIGHER_IS_WORSE', 1, 'WARD_ASB', true),
	('crime_around', 'Crime recorded around the school (its ward)', 'HIGHER_IS_WORSE', 1, 'WARD_TNO', true),
	('serious_youth_violence', 'Serious youth violence', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('first_time_entrants', 'First-time entrants to the criminal justice system', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('victims_of_crime', 'Young victims of crime', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('gang_intelligence', 'Intelligence on gang-related incidents attributed to the school', 'HIGHER_IS_WORSE', 1, 'FILE', true),
	('weapon_intelligence', 'Intelligence on weapon-related incidents attributed to the school', 'HIGHER_IS_WORSE', 1, 'FILE', true);

create table allocation.school (
	urn text not null check (urn ~ '^[0-9]{5,8}$'),
	year integer not null check (year between 2000 and 2100),
	name text not null check (length(name) between 1 and 200),
	phase text not null check (phase in ('PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL', 'PUPIL_REFERRAL_UNIT', 'FURTHER_EDUCATION', 'OTHER')),
	ward_code text not null references geography.ward,
	borough_code text not null references geography.borough,
	lat double precision check (lat between -90 and 90),
	lng double precision check (lng between -180 and 180),
	has_officer boolean not null default false,
	synthetic boolean not null default false,
	imported_by text not null,
	imported_at timestamptz not null default now(),
	primary key (urn, year),
	check ((lat is null) = (lng is null))
);
comment on table allocation.school is 'A school, pupil referral unit or college as imported for one academic year (year = the September it starts), with its ward (given, or found from its location).';
comment on column allocation.school.urn is 'Unique reference number (DfE); with the year, the key: re-importing a school for a year replaces its row.';
comment on column allocation.school.has_officer is 'Whether it has a Safer Schools officer now, as the file says (the recorded allocation of the year before counts too).';
comment on column allocation.school.synthetic is 'True for made-up demo schools.';
create index school_borough_year_ix on allocation.school (borough_code, year);

create table allocation.school_value (
	urn text not null,
	year integer not null,
	criterion_code text not null references allocation.school_criterion,
	value double precision not null,
	primary key (urn, year, criterion_code),
	foreign key (urn, year) references allocation.school on delete cascade
);
comment on table allocation.school_value is 'A school''s value for one criterion in a year (absent = missing: scored as the average).';

create table allocation.school_allocation (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	year integer not null check (year between 2000 and 2100),
	officers integer not null check (officers >= 0),
	normalisation text not null check (normalisation in ('MIN_MAX', 'Z_SCORE')),
	criteria jsonb not null,
	demand_from date not null,
	demand_to date not null,
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	unique (borough_code, year)
);
comment on table allocation.school_allocation is 'A borough''s Safer Schools allocation for an academic year as recorded: how many officers, the weights and directions used, and (in the entries) the ranking, who got an officer and each other school''s point of contact. The annual review compares it with the year before.';
comment on column allocation.school_allocation.criteria is 'The criteria as weighted: [{code, weight, direction}].';

create table allocation.school_allocation_entry (
	allocation_id bigint not null references allocation.school_allocation on delete cascade,
	urn text not null,
	name text not null,
	ward_code text not null references geography.ward,
	rank integer not null check (rank >= 1),
	score double precision not null,
	officer boolean not null,
	kept boolean not null,
	contact_person_id bigint,
	contact_name text,
	contact_role text,
	primary key (allocation_id, urn),
	unique (allocation_id, rank)
);
comment on table allocation.school_allocation_entry is 'One school in a recorded allocation: its rank and score, whether it has an officer (kept: it had one already), and otherwise its named SNT point of contact.';
comment on column allocation.school_allocation_entry.contact_person_id is 'The point of contact (workforce person id) from the ward''s team, for a school without an officer.';
