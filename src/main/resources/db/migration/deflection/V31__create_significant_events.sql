-- Significant events (SN Deployment Protocol): a borough may use SNT members when a terror attack
-- or other major incident outstrips the resources readily available; reassurance of the local
-- community comes first, and SNT officers are used away from their home borough only in extreme
-- circumstances.
create table deflection.significant_event (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	title text not null check (length(title) between 1 and 200),
	description text not null default '' check (length(description) <= 4000),
	starts_on date not null,
	ends_on date not null,
	declared_by text not null,
	declared_by_role text not null check (declared_by_role in ('SUPERINTENDENT', 'ADMIN')),
	declared_at timestamptz not null default now(),
	check (ends_on >= starts_on)
);
create index significant_event_borough_ix on deflection.significant_event (borough_code, starts_on);
comment on table deflection.significant_event is 'A significant event declared for a borough (what, from, to, by whom: the borough''s superintendent or an administrator). Other modules ask whether one covers given dates (flex across borough boundaries is refused otherwise).';

create table deflection.event_deployment (
	id bigserial primary key,
	event_id bigint not null references deflection.significant_event,
	person_id bigint not null references workforce.person,
	starts_on date not null,
	ends_on date not null,
	tour_start time,
	tour_end time,
	reassurance_purpose text not null check (length(reassurance_purpose) between 10 and 2000),
	home_borough_code text not null references geography.borough,
	outside_home_borough boolean not null,
	extreme_circumstances text check (extreme_circumstances is null or length(extreme_circumstances) between 10 and 2000),
	duties_recoded integer not null default 0,
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	check (ends_on >= starts_on),
	check ((tour_start is null) = (tour_end is null)),
	check (not outside_home_borough or extreme_circumstances is not null),
	constraint event_deployment_no_overlap exclude using gist (person_id with =, daterange(starts_on, ends_on, '[]') with &&)
);
create index event_deployment_event_ix on deflection.event_deployment (event_id);
comment on table deflection.event_deployment is 'An SNT member deployed to a significant event: who, which days (and tour), the reassurance purpose (the first consideration), and, when the person''s home borough is not the event''s, the extreme circumstances that justify it (required, and flagged in listings). One person is in one deployment at a time.';
comment on column deflection.event_deployment.home_borough_code is 'The borough of the person''s posting on the first day of the deployment.';
comment on column deflection.event_deployment.duties_recoded is 'How many of the person''s planned on-ward tours were re-coded to the significant-event activity code when the deployment was recorded.';
