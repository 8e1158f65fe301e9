package org.ringfence.performance.persistence;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of survey results. */
@Repository
public class SurveyQueries {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SurveyQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public record Question(String code, String label, boolean outcome, boolean higherIsBetter) {
	}

	public record Stored(String period, String areaType, String areaCode, String boroughCode, String question,
			long positives, long sampleSize, boolean synthetic) {
	}

	public List<Question> questions() {
		return this.jdbc.sql("select code, label, outcome, higher_is_better from performance.survey_question order by position")
			.query(Question.class)
			.list();
	}

	public void upsert(List<Stored> rows, String user) {
		this.template.batchUpdate("""
				insert into performance.survey_result (period, area_type, area_code, borough_code, question, positives,
				  sample_size, synthetic, imported_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (period, area_code, question) do update set positives = excluded.positives,
				  sample_size = excluded.sample_size, synthetic = excluded.synthetic, imported_by = excluded.imported_by,
				  imported_at = now()
				""", rows, 500, (ps, r) -> {
			ps.setString(1, r.period());
			ps.setString(2, r.areaType());
			ps.setString(3, r.areaCode());
			ps.setString(4, r.boroughCode());
			ps.setString(5, r.question());
			ps.setLong(6, r.positives());
			ps.setLong(7, r.sampleSize());
			ps.setBoolean(8, r.synthetic());
			ps.setString(9, user);
		});
	}

	/** Results of some boroughs (their borough rows and their wards' rows) for some periods. */
	public List<Stored> of(Collection<String> boroughs, Collection<String> periods) {
		return this.jdbc.sql("""
				select period, area_type, area_code, borough_code, question, positives, sample_size, synthetic
				from performance.survey_result where borough_code = any(:boroughs) and period = any(:periods)
				""")
			.param("boroughs", boroughs.toArray(String[]::new))
			.param("periods", periods.toArray(String[]::new))
			.query(Stored.class)
			.list();
	}

	public List<String> periods() {
		return this.jdbc.sql("select distinct period from performance.survey_result order by period")
			.query(String.class)
			.list();
	}

	public boolean anyHeld() {
		return this.jdbc.sql("select exists (select 1 from performance.survey_result)").query(Boolean.class).single();
	}


}
