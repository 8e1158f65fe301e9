-- Neighbourhood: ward panels (members, meetings), the priorities a panel agrees with its Safer
-- Neighbourhoods team, and the maintained list of priority categories. What is public of these is
-- published on the public ward pages and the data.police.uk-compatible API.
create schema neighbourhood;

create table neighbourhood.category (
	id         integer generated always as identity primary key,
	name       text not null check (length(trim(name)) between 1 and 60),
	active     boolean not null default true,
	sort_order integer not null default 1000,
	created_by text not null default 'system',
	created_at timestamptz not null default now()
);
create unique index category_name_ux on neighbourhood.category (lower(name));
comment on table neighbourhood.category is 'The maintained list of priority categories (administrators add to it); London-wide themes count teams by category.';
comment on column neighbourhood.category.name is 'As shown and published, e.g. "ASB - youth"; unique ignoring case.';
comment on column neighbourhood.category.active is 'Whether new priorities may use it; inactive categories stay on old priorities.';
comment on column neighbourhood.category.sort_order is 'Order in lists and charts.';

insert into neighbourhood.category (name, sort_order) values
	('ASB - youth', 10), ('ASB - general', 20), ('burglary', 30), ('drugs', 40), ('road safety', 50),
	('vehicle crime', 60), ('street drinking', 70), ('robbery', 80), ('criminal damage', 90),
	('environmental (litter, fly-tipping, graffiti)', 100), ('noise', 110);

create table neighbourhood.panel_member (
	id         bigint generated always as identity primary key,
	ward_code  text not null,
	position   integer not null,
	name       text not null check (length(trim(name)) between 1 and 100),
	role       text not null check (length(trim(role)) between 1 and 100),
	synthetic  boolean not null default false,
	unique (ward_code, position)
);
comment on table neighbourhood.panel_member is 'A member of a ward panel: name and role on the panel only, no other personal data.';
comment on column neighbourhood.panel_member.ward_code is 'The ward (geography ward code) whose panel it is.';
comment on column neighbourhood.panel_member.position is 'Order on the panel list (chair first).';
comment on column neighbourhood.panel_member.role is 'Role on the panel, e.g. Chair, resident, business representative.';
comment on column neighbourhood.panel_member.synthetic is 'Invented demo data.';

create table neighbourhood.panel_meeting (
	id         bigint generated always as identity primary key,
	ward_code  text not null,
	starts_at  timestamp not null,
	ends_at    timestamp not null,
	place      text not null check (length(trim(place)) between 1 and 200),
	attendance integer check (attendance >= 0),
	minutes    text not null default '' check (length(minutes) <= 20000),
	public     boolean not null default true,
	synthetic  boolean not null default false,
	version    integer not null default 0,
	created_by text not null,
	created_at timestamptz not null default now(),
	check (ends_at > starts_at)
);
create index panel_meeting_ward_ix on neighbourhood.panel_meeting (ward_code, starts_at);
comment on table neighbourhood.panel_meeting is 'A ward panel meeting: when, where, how many attended, its minutes, and whether the public may attend (public meetings are published as events).';
comment on column neighbourhood.panel_meeting.starts_at is 'Local (Europe/London) date and time the meeting starts.';
comment on column neighbourhood.panel_meeting.ends_at is 'Local (Europe/London) date and time the meeting ends.';
comment on column neighbourhood.panel_meeting.attendance is 'How many attended (null until recorded).';
comment on column neighbourhood.panel_meeting.minutes is 'The minutes; never published by the public API.';
comment on column neighbourhood.panel_meeting.public is 'Open to the public and published as an event.';
comment on column neighbourhood.panel_meeting.synthetic is 'Invented demo data.';

create table neighbourhood.priority (
	id          bigint generated always as identity primary key,
	ward_code   text not null,
	meeting_id  bigint references neighbourhood.panel_meeting on delete set null,
	category_id integer not null references neighbourhood.category,
	issue       text not null check (length(trim(issue)) between 1 and 2000),
	action      text not null default '' check (length(action) <= 4000),
	agreed_on   date not null,
	action_date date,
	status      text not null default 'OPEN' check (status in ('OPEN', 'ACHIEVED', 'CLOSED')),
	review_date date,
	closed_on   date,
	synthetic   boolean not null default false,
	version     integer not null default 0,
	created_by  text not null,
	changed_at  timestamptz not null default now(),
	check ((status = 'OPEN') = (closed_on is null)),
	check (closed_on is null or closed_on >= agreed_on),
	check (review_date is null or review_date >= agreed_on)
);
create index priority_ward_ix on neighbourhood.priority (ward_code, agreed_on);
create index priority_held_ix on neighbourhood.priority (agreed_on, closed_on) include (ward_code, category_id);
comment on table neighbourhood.priority is 'A neighbourhood priority agreed by a ward panel with its team: the issue, the action, its status and review.';
comment on column neighbourhood.priority.ward_code is 'The ward (geography ward code) and so the team holding the priority.';
comment on column neighbourhood.priority.meeting_id is 'The panel meeting that agreed it, if recorded.';
comment on column neighbourhood.priority.category_id is 'Its category from the maintained list.';
comment on column neighbourhood.priority.issue is 'The issue as published (plain text).';
comment on column neighbourhood.priority.action is 'What the team does about it, as published (plain text; empty until agreed).';
comment on column neighbourhood.priority.agreed_on is 'The date the panel agreed it (published as issue-date).';
comment on column neighbourhood.priority.action_date is 'The date of the action (published as action-date).';
comment on column neighbourhood.priority.status is 'OPEN, ACHIEVED or CLOSED.';
comment on column neighbourhood.priority.review_date is 'When the panel reviews it next.';
comment on column neighbourhood.priority.closed_on is 'The day it stopped being open (achieved or closed); null while open. Themes count a priority in every month from agreed_on to closed_on.';
comment on column neighbourhood.priority.synthetic is 'Invented demo data.';
comment on column neighbourhood.priority.version is 'Optimistic lock: incremented by every change.';
