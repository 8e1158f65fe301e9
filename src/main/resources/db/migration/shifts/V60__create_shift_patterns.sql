create schema if not exists shifts;

create table shifts.pattern (
  id          bigint generated always as identity primary key,
  cluster_id  text not null,
  name        text not null check (length(trim(name)) > 0),
  description text not null default '',
  created_by  text not null,
  created_at  timestamptz not null default now()
);
comment on table shifts.pattern is 'A named shift pattern of a cluster: the shifts its team works, what rosters are built from.';
comment on column shifts.pattern.cluster_id is 'The cluster (geography cluster code) the pattern is for.';
comment on column shifts.pattern.description is 'How the pattern was made (e.g. the design option and its figures).';
create index pattern_cluster_ix on shifts.pattern (cluster_id);

create table shifts.pattern_shift (
  pattern_id      bigint not null references shifts.pattern on delete cascade,
  position        integer not null,
  start_time      time not null,
  length_minutes  integer not null check (length_minutes between 1 and 1440),
  role            text not null check (role in ('CONSTABLE', 'PCSO', 'SERGEANT')),
  workers_per_day integer[] not null check (array_length(workers_per_day, 1) = 7 and 0 <= all (workers_per_day)),
  primary key (pattern_id, position)
);
comment on table shifts.pattern_shift is 'One shift of a pattern: start, length, role, officers starting it each day (Monday first).';
comment on column shifts.pattern_shift.workers_per_day is 'Seven counts, Monday first: how many officers of the role start this shift that day.';
