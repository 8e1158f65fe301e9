package org.ringfence.protocol.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.FlexDurationRule;
import org.ringfence.protocol.NewRuleSet;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.RingFenceRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the protocol schema. */
@Repository
public class ProtocolQueries {

	private static final String COLUMNS = "id, name, effective_from, note, source, min_constables, min_pcsos, "
			+ "within_borough_only, max_flex_days, review_after_days, fairness_window_days, fairness_max_to_mean";

	private final JdbcClient jdbc;

	public ProtocolQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ProtocolRuleSet> ruleSets() {
		return this.jdbc.sql("select " + COLUMNS + " from protocol.rule_set order by effective_from")
			.query(ProtocolQueries::ruleSet)
			.list();
	}

	public boolean nameExists(String name) {
		return this.jdbc.sql("select count(*) from protocol.rule_set where lower(name) = lower(?)")
			.param(name)
			.query(Integer.class)
			.single() > 0;
	}

	/** Serialises additions of rule sets (two administrators at once cannot both become "the latest"). */
	public void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('protocol.rule_set'))").query(Object.class).list();
	}

	public long insert(NewRuleSet set, String actor) {
		return this.jdbc.sql("""
				insert into protocol.rule_set (name, effective_from, note, source, min_constables, min_pcsos,
				       within_borough_only, max_flex_days, review_after_days, fairness_window_days, fairness_max_to_mean,
				       created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(set.name().strip(), Date.valueOf(set.effectiveFrom()), set.note() == null ? "" : set.note(),
					set.source() == null ? "" : set.source(), set.minConstables(), set.minPcsos(),
					set.withinBoroughOnly(), set.maxFlexDays(), set.reviewAfterDays(), set.fairnessWindowDays(),
					set.fairnessMaxToMean(), actor)
			.query(Long.class)
			.single();
	}

	static ProtocolRuleSet ruleSet(ResultSet rs, int n) throws SQLException {
		return new ProtocolRuleSet(rs.getLong("id"), rs.getString("name"), rs.getDate("effective_from").toLocalDate(),
				rs.getString("note"), rs.getString("source"),
				new RingFenceRule(rs.getInt("min_constables"), rs.getInt("min_pcsos")),
				new FlexDurationRule(rs.getInt("max_flex_days"), rs.getInt("review_after_days")),
				rs.getBoolean("within_borough_only"),
				new FairnessRule(rs.getInt("fairness_window_days"), rs.getBigDecimal("fairness_max_to_mean").doubleValue()));
	}

}
