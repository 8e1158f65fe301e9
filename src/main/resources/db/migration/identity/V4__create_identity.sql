-- Identity: the people who log in, their role and scope, and login attempts for throttling.
create schema identity;

create table identity.app_user (
	username text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
	password_hash text not null,
	display_name text not null,
	role text not null check (role in ('ADMIN', 'ANALYST', 'OVERSIGHT', 'SUPERINTENDENT', 'SMT_LEAD', 'INSPECTOR',
		'SERGEANT', 'OFFICER', 'CONTROLLER', 'RESOURCE_OFFICE')),
	person_id bigint references workforce.person,
	enabled boolean not null default true,
	created_at timestamptz not null default now(),
	check (role <> 'OFFICER' or person_id is not null)
);
comment on table identity.app_user is 'A user account. role decides what kind of thing the user may do; user_scope decides where.';

create table identity.user_scope (
	username text not null references identity.app_user on delete cascade,
	scope_type text not null check (scope_type in ('FORCE', 'BOROUGH', 'CLUSTER', 'WARD', 'PERSON')),
	scope_code text not null,
	primary key (username, scope_type, scope_code)
);
comment on table identity.user_scope is 'Where a user may act: the whole force, boroughs, clusters, wards, or only their own records (PERSON).';

create table identity.login_attempt (
	id bigserial primary key,
	username text not null,
	remote_address text not null,
	attempted_at timestamptz not null default now(),
	succeeded boolean not null
);
create index login_attempt_user_ix on identity.login_attempt (username, attempted_at desc);
create index login_attempt_address_ix on identity.login_attempt (remote_address, attempted_at desc) where not succeeded;
comment on table identity.login_attempt is 'Every login attempt, to throttle guessing (by account and by address) across all instances.';
