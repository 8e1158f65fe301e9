-- The geography module's published read model for reports in other modules: where each ward sits.
create view geography.ward_place as
select w.code as ward_code, w.name as ward_name, w.cluster_code, c.name as cluster_name, b.code as borough_code,
       b.name as borough_name, u.name as bcu_name, w.active
from geography.ward w
join geography.borough b on b.code = w.borough_code
join geography.bcu u on u.code = b.bcu_code
left join geography.cluster c on c.code = w.cluster_code;
comment on view geography.ward_place is 'Published: each ward with its cluster, borough and BCU, for reports of other modules.';
