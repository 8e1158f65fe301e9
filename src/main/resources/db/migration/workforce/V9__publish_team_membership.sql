-- The workforce module's published read model for reports in other modules: who was in which
-- ward team when. Other modules read this view, never workforce's tables.
create view workforce.team_membership as
select p.person_id, p.role, p.ward_code, p.also_ward_code, p.start_date, p.end_date
from workforce.posting p
where p.ward_code is not null;
comment on view workforce.team_membership is 'Published: ward-team postings (person, role, ward, shared second ward, from, to) for reports of other modules.';
