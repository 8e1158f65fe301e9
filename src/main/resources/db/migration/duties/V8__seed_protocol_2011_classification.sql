-- The activity codes and their classification under the SN Deployment Protocol (2011 update,
-- Appendix 2: abstraction definitions), in force from 24 October 2011, the first period of the
-- flex monitoring report.
insert into duties.activity_code (code, name) values
	('SN_WARD', 'Safer Neighbourhoods duty on own ward'),
	('SN_CROSS', 'Cross-boundary, less than one tour (not flex)'),
	('REST', 'Rest day'),
	('AL', 'Annual leave'),
	('TOIL', 'Time off in lieu'),
	('COMPASS', 'Compassionate or other leave entitlement'),
	('SICK', 'Sickness'),
	('TRAIN', 'Mandatory training course'),
	('SKILLS', 'Performing or maintaining specialist-role skills'),
	('EV_NHC', 'Notting Hill Carnival'),
	('EV_NYE', 'New Year''s Eve'),
	('EV_MAYDAY', 'May Day'),
	('AB_LOCAL', 'Local aid'),
	('AB_CENTRAL', 'Central aid'),
	('AB_RESPONSE', 'Response cover'),
	('AB_CUSTODY', 'Custody'),
	('AB_CAD', 'CAD / command room'),
	('AB_COURT', 'Court'),
	('AB_OTHER', 'Other abstraction'),
	('FLEX', 'Authorised SNT flex'),
	('SIG_EVENT', 'Significant event');

insert into duties.rule_set (name, effective_from, note) values
	('SN Deployment Protocol 2011', date '2011-10-24',
	 'Appendix 2 of the 2011 SN update: abstractions exclude rest days, leave, mandatory training, specialist skills and pre-planned major events; authorised flex is reported separately.');

insert into duties.classification (rule_set_id, code, activity_class, counts_as_duty, abstracted, report_type)
select r.id, c.code, c.activity_class, c.counts_as_duty, c.abstracted, c.report_type
from duties.rule_set r, (values
	('SN_WARD', 'ON_WARD', true, false, 'On ward'),
	('SN_CROSS', 'CROSS_BOUNDARY_SHORT', true, false, 'Cross-boundary (not flex)'),
	('REST', 'REST_DAY', false, false, 'Rest day'),
	('AL', 'ANNUAL_LEAVE', false, false, 'Annual leave'),
	('TOIL', 'OTHER_LEAVE', false, false, 'Other leave'),
	('COMPASS', 'OTHER_LEAVE', false, false, 'Other leave'),
	('SICK', 'SICKNESS', false, false, 'Sickness'),
	('TRAIN', 'TRAINING', true, false, 'Training'),
	('SKILLS', 'SPECIALIST_SKILLS', true, false, 'Specialist skills'),
	('EV_NHC', 'PLANNED_EVENT', true, false, 'Pre-planned event'),
	('EV_NYE', 'PLANNED_EVENT', true, false, 'Pre-planned event'),
	('EV_MAYDAY', 'PLANNED_EVENT', true, false, 'Pre-planned event'),
	('AB_LOCAL', 'ABSTRACTION', true, true, 'Local Aid'),
	('AB_CENTRAL', 'ABSTRACTION', true, true, 'Central Aid'),
	('AB_RESPONSE', 'ABSTRACTION', true, true, 'Response'),
	('AB_CUSTODY', 'ABSTRACTION', true, true, 'Custody'),
	('AB_CAD', 'ABSTRACTION', true, true, 'CAD'),
	('AB_COURT', 'ABSTRACTION', true, true, 'Court'),
	('AB_OTHER', 'ABSTRACTION', true, true, 'Other'),
	('FLEX', 'AUTHORISED_FLEX', true, false, 'Authorised SNT flex'),
	('SIG_EVENT', 'SIGNIFICANT_EVENT', true, false, 'Significant event')
) as c(code, activity_class, counts_as_duty, abstracted, report_type)
where r.name = 'SN Deployment Protocol 2011';
