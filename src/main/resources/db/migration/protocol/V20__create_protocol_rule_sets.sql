-- Protocol: the SN Deployment Protocol's flex rules as versioned, effective-dated rule sets.
-- A decision is judged by the set in force on the dates concerned and records which set it used.
create schema protocol;

create table protocol.rule_set (
	id bigserial primary key,
	name text not null unique check (length(name) between 1 and 100),
	effective_from date not null unique,
	note text not null default '',
	source text not null default '',
	min_constables integer not null check (min_constables between 0 and 20),
	min_pcsos integer not null check (min_pcsos between 0 and 20),
	within_borough_only boolean not null,
	max_flex_days integer not null check (max_flex_days between 1 and 366),
	review_after_days integer not null check (review_after_days between 1 and 366),
	fairness_window_days integer not null check (fairness_window_days between 7 and 366),
	fairness_max_to_mean numeric(5, 2) not null check (fairness_max_to_mean >= 1),
	created_at timestamptz not null default now(),
	created_by text not null default 'system',
	check (review_after_days <= max_flex_days)
);
comment on table protocol.rule_set is 'A complete set of flex rules of the SN Deployment Protocol, in force from effective_from until the next set. Rows are never changed: a new set is added instead.';
comment on column protocol.rule_set.name is 'The set''s name, e.g. SN Deployment Protocol 2011.';
comment on column protocol.rule_set.effective_from is 'The first day the set is in force (London date).';
comment on column protocol.rule_set.note is 'What the set changes and why.';
comment on column protocol.rule_set.source is 'The document the rules come from.';
comment on column protocol.rule_set.min_constables is 'Ring-fence: constables (PCs, dedicated ward officers) every ward keeps on ward duty on each day of a flex.';
comment on column protocol.rule_set.min_pcsos is 'Ring-fence: PCSOs every ward keeps on ward duty on each day of a flex.';
comment on column protocol.rule_set.within_borough_only is 'Flex only between wards of one borough (cross-borough only under a declared significant event).';
comment on column protocol.rule_set.max_flex_days is 'The longest a flex should last (days, first to last day) unless an exception is recorded with reasons.';
comment on column protocol.rule_set.review_after_days is 'Days after its start by which a live flex is reviewed at borough tasking.';
comment on column protocol.rule_set.fairness_window_days is 'The rolling window (days before a flex starts, plus the flex) over which each ward''s share of abstraction and flex is compared with its borough peers.';
comment on column protocol.rule_set.fairness_max_to_mean is 'A providing ward is disproportionately affected when its share exceeds this multiple of the borough mean.';
comment on column protocol.rule_set.created_by is 'Who added the set (system for the sets seeded from the source documents).';

insert into protocol.rule_set (name, effective_from, note, source, min_constables, min_pcsos, within_borough_only,
	max_flex_days, review_after_days, fairness_window_days, fairness_max_to_mean) values
	('SN Deployment Protocol 2011', date '2011-10-24',
	 'During flex every ward keeps at least one PC and one PCSO; flex across ward boundaries within the borough only; ideally no longer than 4 weeks, reviewable after 2 weeks at borough tasking. Go-live date of the protocol (TP Chief Officers Group, 10 October 2011).',
	 'Appendix 2, SN Deployment Protocol (2011 SN update; go-live 24 October 2011)', 1, 1, true, 28, 14, 84, 1.50),
	('One Met 2017', date '2017-09-21',
	 'A minimum of 2 dedicated ward officers and one PCSO per ward ring-fenced from abstraction; the 2011 flex limits otherwise carry on. In force from the date of the earliest source stating the model (Lewisham Safer Stronger Select Committee, 21 September 2017).',
	 'One Met model, Police Service Update to the Safer Stronger Select Committee, 21 September 2017', 2, 1, true, 28, 14, 84, 1.50);
