package org.ringfence.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDutiesIT {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoDutiesAreLoadedOnceWithAuditAndAbstractionAsDesigned() {
		Map<String, Object> totals = this.jdbc.sql("""
				select count(*) as duties,
				       count(*) filter (where d.activity_code = 'EV_NHC') as carnival,
				       count(*) filter (where d.activity_code = 'EV_NHC' and not (extract(month from d.duty_date) = 8
				                        and extract(dow from d.duty_date) in (0, 1) and extract(day from d.duty_date) >= 24)) as carnival_misdated,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at)) filter (where c.abstracted), 0)
				         / nullif(sum(extract(epoch from d.ends_at - d.starts_at)) filter (where c.counts_as_duty), 0) as abstracted_share,
				       count(*) filter (where d.kind = 'ACTUAL' and d.duty_date >= current_date + 1) as actual_in_future
				  from duties.duty d
				  join duties.classification c on c.code = d.activity_code
				  join duties.rule_set r on r.id = c.rule_set_id and r.name = 'SN Deployment Protocol 2011'
				 where d.source = 'synthetic demo duties'""")
			.query()
			.singleRow();
		assertThat(((Number) totals.get("duties")).longValue()).isGreaterThan(500_000);
		assertThat(((Number) totals.get("carnival_misdated")).longValue()).isZero();
		assertThat(((Number) totals.get("actual_in_future")).longValue()).isZero();
		assertThat(((Number) totals.get("abstracted_share")).doubleValue()).isBetween(0.20, 0.38);
		assertThat(this.jdbc.sql("select count(*) from audit.entry where entity_type = 'duty load'").query(Long.class).single())
			.isEqualTo(1);
	}

}
