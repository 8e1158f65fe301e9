-- Geography: force > BCU > borough > cluster > ward, ward boundaries and adjacency.
create schema geography;

create table geography.force (
	code text primary key,
	name text not null unique
);
comment on table geography.force is 'A police force. Ringfence serves the Metropolitan Police Service; the City of London Police is a separate force and its wards are not held.';

create table geography.bcu (
	code text primary key check (code ~ '^[A-Z]{2,3}$'),
	name text not null unique,
	force_code text not null references geography.force
);
comment on table geography.bcu is 'Basic command unit: from 2017-2019 a merger of 2-4 boroughs.';

create table geography.borough (
	code text primary key check (code ~ '^E09[0-9]{6}$'),
	name text not null unique,
	bcu_code text not null references geography.bcu
);
comment on table geography.borough is 'London borough (borough operational command unit), by its ONS GSS code.';

create table geography.boundary_set (
	id bigserial primary key,
	name text not null,
	source text not null,
	imported_at timestamptz not null default now(),
	imported_by text not null
);
comment on table geography.boundary_set is 'One import of ward boundaries (2014, 2018, 2022 sets exist); wards point to the set their polygon came from.';

create table geography.cluster (
	code text primary key check (code ~ '^E09[0-9]{6}-C[0-9]{2}$'),
	borough_code text not null references geography.borough,
	number int not null check (number between 1 and 99),
	name text not null,
	unique (borough_code, number)
);
comment on table geography.cluster is 'A few neighbouring wards (3-6, contiguous) of one borough sharing an inspector and a shift pattern.';

create table geography.ward (
	code text primary key check (code ~ '^[EWSN][0-9]{8}$'),
	name text not null,
	borough_code text not null references geography.borough,
	cluster_code text references geography.cluster,
	hectares numeric(12, 3) not null check (hectares > 0),
	population integer check (population >= 0),
	boundary jsonb not null,
	min_lng double precision not null,
	min_lat double precision not null,
	max_lng double precision not null,
	max_lat double precision not null,
	boundary_set_id bigint not null references geography.boundary_set,
	active boolean not null default true,
	retired_at timestamptz,
	check (min_lng <= max_lng and min_lat <= max_lat),
	check (active or retired_at is not null)
);
create index ward_borough_ix on geography.ward (borough_code) where active;
create index ward_cluster_ix on geography.ward (cluster_code);
comment on table geography.ward is 'Electoral ward with one Safer Neighbourhoods team. Boundary is a GeoJSON Polygon or MultiPolygon in WGS84. Retired wards (after a boundary change) keep their row for history.';
comment on column geography.ward.population is 'Mid-2020 ONS estimate summed over the best-fit LSOA lookup.';

create table geography.ward_adjacency (
	ward_code text not null references geography.ward,
	neighbour_code text not null references geography.ward,
	across_water boolean not null default false,
	primary key (ward_code, neighbour_code),
	check (ward_code <> neighbour_code)
);
comment on table geography.ward_adjacency is 'Wards that share a boundary (both directions stored). across_water marks links added to join parts of a borough split by the Thames.';
