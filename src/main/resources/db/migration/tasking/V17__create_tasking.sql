-- Tasking: borough tasking and co-ordination meetings (chaired by the superintendent), their
-- agenda (flex requests to present, flexes due for review, significant events, bids for pan-London
-- support units, other business), the decision recorded against each item, and the bids
-- themselves with their outcome and debrief.
create schema tasking;

create table tasking.meeting (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	held_on date not null,
	chair text not null check (length(chair) between 1 and 100),
	status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
	minutes_note text not null default '' check (length(minutes_note) <= 10000),
	created_by text not null,
	created_at timestamptz not null default now(),
	closed_by text,
	closed_at timestamptz,
	version integer not null default 0,
	unique (borough_code, held_on),
	check ((status = 'CLOSED') = (closed_at is not null))
);
comment on table tasking.meeting is 'A borough tasking and co-ordination meeting: where PSPs for flex are presented and authorised, running flexes reviewed, bids for pan-London support units made, and decisions and debriefs recorded. One a day per borough.';
comment on column tasking.meeting.chair is 'Who chairs it (the superintendent, by name or account).';
comment on column tasking.meeting.status is 'OPEN while the agenda and decisions may change; CLOSED when the minutes are final.';

create table tasking.support_bid (
	id bigserial primary key,
	borough_code text not null references geography.borough,
	unit text not null check (unit in ('TERRITORIAL_SUPPORT_GROUP', 'DOG_SECTION', 'CLUBS_AND_VICE', 'MOUNTED_BRANCH', 'OTHER')),
	ward_code text references geography.ward,
	purpose text not null check (length(purpose) between 1 and 2000),
	wanted_from date not null,
	wanted_to date not null,
	hours_requested integer not null check (hours_requested between 1 and 10000),
	status text not null default 'REQUESTED' check (status in ('REQUESTED', 'GRANTED', 'PARTLY_GRANTED', 'REFUSED', 'DEFERRED', 'WITHDRAWN')),
	outcome_note text not null default '',
	hours_granted integer check (hours_granted is null or hours_granted >= 0),
	debrief text not null default '',
	operations_office_informed boolean,
	not_informed_reason text not null default '',
	created_by text not null,
	created_at timestamptz not null default now(),
	version integer not null default 0,
	check (wanted_to >= wanted_from),
	check (operations_office_informed is not false or length(not_informed_reason) > 0)
);
comment on table tasking.support_bid is 'A borough''s bid for a pan-London support unit (territorial support group, dogs, clubs and vice), decided at tasking, with its debrief. The borough operations office is told when the unit works proactively in the borough, unless that would compromise an operation (then the reason is recorded).';

create table tasking.agenda_item (
	id bigserial primary key,
	meeting_id bigint not null references tasking.meeting,
	position integer not null,
	kind text not null check (kind in ('FLEX_PRESENTATION', 'FLEX_REVIEW', 'SIGNIFICANT_EVENT', 'SUPPORT_BID', 'OTHER')),
	source_ref text not null check (length(source_ref) between 1 and 100),
	title text not null check (length(title) between 1 and 300),
	summary text not null default '' check (length(summary) <= 4000),
	outcomes text[] not null,
	outcome text,
	decision_note text not null default '',
	decided_by text,
	decided_at timestamptz,
	unique (meeting_id, source_ref),
	check ((outcome is null) = (decided_at is null)),
	check (outcome is null or outcome = any(outcomes))
);
comment on table tasking.agenda_item is 'One item on a meeting''s agenda: where it came from (source_ref, e.g. flex-request:12 or support-bid:3), the outcomes open to the meeting, and the decision recorded against it.';
create index agenda_item_meeting_ix on tasking.agenda_item (meeting_id, position);
