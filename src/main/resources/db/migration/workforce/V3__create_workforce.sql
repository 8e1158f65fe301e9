-- Workforce: officers and staff, and their postings to ward teams, clusters and boroughs.
create schema workforce;

create table workforce.person (
	id bigserial primary key,
	service_number text not null unique check (service_number ~ '^[A-Z0-9]{4,12}$'),
	given_name text not null check (length(given_name) between 1 and 100),
	family_name text not null check (length(family_name) between 1 and 100),
	role text not null check (role in ('SUPERINTENDENT', 'CHIEF_INSPECTOR', 'INSPECTOR', 'SERGEANT', 'PC', 'DWO', 'PCSO',
		'SPECIAL_CONSTABLE', 'SCHOOLS_OFFICER', 'STAFF')),
	synthetic boolean not null default false
);
comment on table workforce.person is 'A police officer or member of police staff. service_number is the warrant number of officers and the payroll number of staff (PCSOs and others).';
comment on column workforce.person.synthetic is 'True for the generated demo workforce: names and numbers are invented.';

create table workforce.posting (
	id bigserial primary key,
	person_id bigint not null references workforce.person,
	role text not null,
	position text not null,
	ward_code text references geography.ward,
	also_ward_code text references geography.ward,
	cluster_code text references geography.cluster,
	borough_code text references geography.borough,
	start_date date not null,
	end_date date,
	check (end_date is null or end_date > start_date),
	check (num_nonnulls(ward_code, cluster_code, borough_code) = 1),
	check (also_ward_code is null or (ward_code is not null and also_ward_code <> ward_code)),
	constraint posting_no_overlap exclude using gist (person_id with =, daterange(start_date, end_date, '[)') with &&)
);
create index posting_ward_ix on workforce.posting (ward_code) where ward_code is not null;
create index posting_also_ward_ix on workforce.posting (also_ward_code) where also_ward_code is not null;
create index posting_cluster_ix on workforce.posting (cluster_code) where cluster_code is not null;
create index posting_borough_ix on workforce.posting (borough_code) where borough_code is not null;
create index posting_current_ix on workforce.posting (person_id) where end_date is null;
comment on table workforce.posting is 'A person posted to one unit (a ward team, a cluster or a borough) from start_date until the day before end_date (open when null). A person holds one posting at a time; the history gives tenure and succession gaps.';
comment on column workforce.posting.also_ward_code is 'Shared supervision: a sergeant posted to ward_code who also supervises this second ward.';
