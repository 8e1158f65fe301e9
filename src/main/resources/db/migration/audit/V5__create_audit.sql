-- Audit: the append-only, hash-chained trail of every change of state.
create schema audit;

create sequence audit.entry_seq;

create table audit.entry (
	seq bigint primary key,
	recorded_at timestamptz not null,
	actor text not null,
	action text not null,
	entity_type text not null,
	entity_id text not null,
	borough_code text,
	ward_code text,
	before_state jsonb,
	after_state jsonb,
	prev_hash text not null,
	hash text not null unique
);
create index entry_time_ix on audit.entry (recorded_at);
create index entry_borough_ix on audit.entry (borough_code, recorded_at);
comment on table audit.entry is 'Append-only trail of changes: who, when, what, before and after. Each entry hashes its content with the previous entry''s hash, so editing or removing a row breaks the chain. UPDATE, DELETE and TRUNCATE are refused by triggers.';
comment on column audit.entry.borough_code is 'The borough the change belongs to, for scoped viewing; null for force-wide changes.';

create function audit.entry_digest(p_prev text, p_seq bigint, p_at timestamptz, p_actor text, p_action text,
		p_entity_type text, p_entity_id text, p_borough text, p_ward text, p_before jsonb, p_after jsonb)
	returns text language sql stable as $$
	select encode(sha256(convert_to(concat_ws(chr(31), p_prev, p_seq::text,
		to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor, p_action, p_entity_type,
		p_entity_id, coalesce(p_borough, ''), coalesce(p_ward, ''), coalesce(p_before::text, 'null'),
		coalesce(p_after::text, 'null')), 'UTF8')), 'hex')
$$;
comment on function audit.entry_digest is 'The SHA-256 of an entry''s content chained to the previous entry''s hash.';

-- Entries are numbered and chained under a transaction-level lock, so the chain order is the
-- commit order even when several transactions (or instances) write at once.
create function audit.chain_entry() returns trigger language plpgsql as $$
begin
	perform pg_advisory_xact_lock(hashtext('audit.entry'));
	new.seq := nextval('audit.entry_seq');
	new.recorded_at := clock_timestamp();
	new.prev_hash := coalesce((select e.hash from audit.entry e order by e.seq desc limit 1), repeat('0', 64));
	new.hash := audit.entry_digest(new.prev_hash, new.seq, new.recorded_at, new.actor, new.action, new.entity_type,
		new.entity_id, new.borough_code, new.ward_code, new.before_state, new.after_state);
	return new;
end
$$;

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
	raise exception 'audit.entry is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger entry_chain before insert on audit.entry for each row execute function audit.chain_entry();
create trigger entry_no_update before update or delete on audit.entry for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry for each statement execute function audit.refuse_change();
