import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The flex benchmark's measuring program (bench/flex runs it). Single file; needs only the
 * PostgreSQL JDBC driver on the class path:
 *
 * <pre>
 * java -cp postgresql.jar bench/FlexBench.java --jdbc URL --base URL [--user analyst] [--password P] [--reps 15]
 * </pre>
 *
 * On the demo data (planned duties run about 3 months ahead):
 * 1. picks the borough whose ward count is nearest 20, a receiving ward, and the 20 ward-team
 *    constables and PCSOs of its other wards with the most planned on-ward tours in the 4 weeks from
 *    next Monday;
 * 2. times the authorisation checks for that 20-officer, 4-week flex
 *    ({@code POST /api/v1/flex-requests/what-if}: the same checks as an authorisation, nothing stored)
 *    against the bare SQL reading the same duty rows (the officers' planned duties and the
 *    borough's planned on-ward duties over the 4 weeks) through JDBC, taking turns;
 * 3. times a rotation proposal for a 12-week problem in that borough
 *    ({@code POST /api/v1/flex-rotations/proposals}, 2 constables and 1 PCSO a period) against the
 *    bare SQL reading the borough's planned on-ward duties over the 12 weeks: once on the demo
 *    rosters (under One Met few officers can be spared, so the search is short), once on full
 *    rosters it writes into its throwaway database from 2040 (every team member on ward every day:
 *    the most candidates, the rotation's worst case).
 *
 * Machine-readable output: {@code RESULT key value}; {@code INFO} and {@code FAILED} lines for
 * people. Exit 0 when everything was measured, 1 when a call failed, 2 on bad arguments.
 */
public class FlexBench {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	String jdbcUrl;

	String base;

	String user = "analyst";

	String password = "demo-password";

	int reps = 15;

	int warmup = 3;

	boolean failed;

	HttpClient http;

	String auth;

	public static void main(String[] args) throws Exception {
		FlexBench bench = new FlexBench();
		try {
			for (int i = 0; i < args.length; i += 2) {
				String v = args[i + 1];
				switch (args[i]) {
					case "--jdbc" -> bench.jdbcUrl = v;
					case "--base" -> bench.base = v.replaceAll("/+$", "");
					case "--user" -> bench.user = v;
					case "--password" -> bench.password = v;
					case "--reps" -> bench.reps = Integer.parseInt(v);
					case "--warmup" -> bench.warmup = Integer.parseInt(v);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (bench.jdbcUrl == null || bench.base == null) {
				throw new IllegalArgumentException("--jdbc and --base are required");
			}
		}
		catch (RuntimeException ex) {
			System.err.println("FlexBench: " + ex.getMessage());
			System.err.println("usage: java -cp postgresql.jar bench/FlexBench.java --jdbc URL --base URL [--user U] "
					+ "[--password P] [--reps 15] [--warmup 3]");
			System.exit(2);
		}
		System.exit(bench.run());
	}

	int run() throws Exception {
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.auth = "Basic " + Base64.getEncoder().encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		try (Connection db = DriverManager.getConnection(this.jdbcUrl)) {
			db.setAutoCommit(true);
			String borough = string(db, """
					select borough_code from geography.ward where active group by borough_code
					order by abs(count(*) - 20), borough_code limit 1""");
			int wards = (int) number(db, "select count(*) from geography.ward where active and borough_code = '" + borough + "'");
			String receiving = string(db, "select min(code) from geography.ward where active and borough_code = '" + borough + "'");
			LocalDate first = LocalDate.now(LONDON).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
			LocalDate last = first.plusDays(27);
			info("borough " + borough + " (" + wards + " wards), receiving ward " + receiving + ", flex " + first + " to " + last);
			result("borough_wards", wards);
			List<long[]> officers = new ArrayList<>();
			List<String> providing = new ArrayList<>();
			try (PreparedStatement ps = db.prepareStatement("""
					select d.person_id, t.ward_code, count(*) from duties.duty d
					join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
					     and (t.end_date is null or t.end_date > d.duty_date)
					join geography.ward_place p on p.ward_code = t.ward_code
					where p.borough_code = ? and d.kind = 'PLANNED' and d.activity_code = 'SN_WARD'
					  and d.duty_date between ? and ? and t.role in ('DWO', 'PC', 'PCSO') and t.ward_code <> ?
					group by 1, 2 order by 3 desc, 1 limit 20""")) {
				ps.setString(1, borough);
				ps.setDate(2, Date.valueOf(first));
				ps.setDate(3, Date.valueOf(last));
				ps.setString(4, receiving);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						officers.add(new long[] { rs.getLong(1), rs.getLong(3) });
						providing.add(rs.getString(2));
					}
				}
			}
			result("officers", officers.size());
			if (officers.size() < 20) {
				fail("only " + officers.size() + " officers with planned tours found (are the demo duties loaded?)");
			}
			checks(db, borough, receiving, first, last, officers, providing);
			rotation(db, borough, receiving, first, "rotation_demo");
			LocalDate full = LocalDate.of(2040, 1, 2);
			long inserted = fullRosters(db, borough, full);
			info("full rosters: " + inserted + " planned on-ward tours from " + full + " (every team member every day, for the rotation's worst case)");
			rotation(db, borough, receiving, full, "rotation_full");
		}
		return this.failed ? 1 : 0;
	}

	// ------------------------------------------------------------------ checks

	void checks(Connection db, String borough, String receiving, LocalDate first, LocalDate last, List<long[]> officers,
			List<String> providing) throws Exception {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < officers.size(); i++) {
			lines.append(i == 0 ? "" : ",").append("{\"personId\":").append(officers.get(i)[0]).append(",\"providingWard\":\"")
				.append(providing.get(i)).append("\",\"firstDay\":\"").append(first).append("\",\"lastDay\":\"").append(last)
				.append("\"}");
		}
		String body = "{\"receivingWard\":\"" + receiving + "\",\"problemType\":\"ASB - youth\","
				+ "\"intelligenceSummary\":\"Benchmark\",\"aims\":\"Benchmark\",\"objectives\":\"Benchmark\","
				+ "\"expectedResults\":\"Benchmark\",\"firstDay\":\"" + first + "\",\"lastDay\":\"" + last
				+ "\",\"officers\":[" + lines + "]}";
		Long[] people = officers.stream().map(o -> o[0]).toArray(Long[]::new);
		String[] wards = strings(db, "select code from geography.ward where active and borough_code = '" + borough + "'");
		List<Double> app = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		long rows = 0;
		for (int i = 0; i < this.warmup + this.reps; i++) {
			boolean timed = i >= this.warmup;
			// take turns, the order alternating, so a slow patch of the machine hits both alike
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == (i % 2 == 0)) {
					long t0 = System.nanoTime();
					HttpResponse<String> response = post("/api/v1/flex-requests/what-if", body);
					double ms = (System.nanoTime() - t0) / 1e6;
					if (response.statusCode() != 200 || !response.body().contains("\"checks\"")) {
						fail("what-if answered " + response.statusCode() + ": " + abbreviate(response.body()));
						return;
					}
					if (timed) {
						app.add(ms);
					}
					if (i == 0) {
						String text = response.body();
						info("what-if: passed=" + field(text, "passed") + ", dutiesToFlex=" + field(text, "dutiesToFlex"));
						result("checks_duties_to_flex", Long.parseLong(field(text, "dutiesToFlex")));
					}
				}
				else {
					long t0 = System.nanoTime();
					rows = bareChecks(db, people, wards, first, last);
					double ms = (System.nanoTime() - t0) / 1e6;
					if (timed) {
						bare.add(ms);
					}
				}
			}
		}
		result("checks_median_ms", median(app));
		result("checks_p95_ms", p95(app));
		result("checks_bare_median_ms", median(bare));
		result("checks_bare_rows", rows);
		info(String.format(Locale.UK, "checks: median %.1f ms (p95 %.1f) vs bare SQL %.1f ms over %d rows", median(app), p95(app),
				median(bare), rows));
	}

	/** The duty rows the checks read: the officers' planned duties and the borough's planned on-ward duties. */
	long bareChecks(Connection db, Long[] people, String[] wards, LocalDate first, LocalDate last) throws SQLException {
		long rows = 0;
		try (PreparedStatement ps = db.prepareStatement("""
				select id, version, person_id, duty_date, starts_at, ends_at, ward_code, activity_code from duties.duty
				where kind = 'PLANNED' and person_id = any(?)
				  and starts_at >= (cast(? as date) - 1)::timestamp at time zone 'Europe/London'
				  and starts_at < (cast(? as date) + 2)::timestamp at time zone 'Europe/London'
				  and duty_date between ? and ?""")) {
			Array array = db.createArrayOf("bigint", people);
			ps.setArray(1, array);
			ps.setDate(2, Date.valueOf(first));
			ps.setDate(3, Date.valueOf(last));
			ps.setDate(4, Date.valueOf(first));
			ps.setDate(5, Date.valueOf(last));
			rows += drain(ps);
		}
		rows += onWard(db, wards, first.minusDays(1), last);
		return rows;
	}

	long onWard(Connection db, String[] wards, LocalDate from, LocalDate to) throws SQLException {
		// the same rows the app reads: on-ward duties of the wards' team members, through the person index
		try (PreparedStatement ps = db.prepareStatement("""
				select d.id, d.version, d.person_id, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.activity_code
				from (select distinct person_id from workforce.team_membership where ward_code = any(?)
				        and start_date <= ? and (end_date is null or end_date > ?)) m
				join duties.duty d on d.person_id = m.person_id and d.kind = 'PLANNED'
				     and d.starts_at >= (cast(? as date) - 1)::timestamp at time zone 'Europe/London'
				     and d.starts_at < (cast(? as date) + 2)::timestamp at time zone 'Europe/London'
				where d.activity_code = 'SN_WARD' and d.ward_code = any(?) and d.duty_date between ? and ?""")) {
			ps.setArray(1, db.createArrayOf("text", wards));
			ps.setDate(2, Date.valueOf(to));
			ps.setDate(3, Date.valueOf(from));
			ps.setDate(4, Date.valueOf(from));
			ps.setDate(5, Date.valueOf(to));
			ps.setArray(6, db.createArrayOf("text", wards));
			ps.setDate(7, Date.valueOf(from));
			ps.setDate(8, Date.valueOf(to));
			return drain(ps);
		}
	}

	// ------------------------------------------------------------------ rotation

	/**
	 * Every ward-team constable, PCSO and sergeant of the borough on an 8-hour on-ward tour every day of 12
	 * weeks (earlies and lates by person), in the benchmark's throwaway database: the most candidates a
	 * rotation can have.
	 */
	long fullRosters(Connection db, String borough, LocalDate first) throws SQLException {
		try (PreparedStatement ps = db.prepareStatement("""
				insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, activity_code, source, changed_by)
				select t.person_id, 'PLANNED', g::date,
				       (g::date + case when t.person_id % 2 = 0 then time '07:00' else time '15:00' end) at time zone 'Europe/London',
				       (g::date + case when t.person_id % 2 = 0 then time '15:00' else time '23:00' end) at time zone 'Europe/London',
				       t.ward_code, 'SN_WARD', 'flex bench', 'bench'
				from workforce.team_membership t
				join geography.ward_place p on p.ward_code = t.ward_code
				cross join generate_series(cast(? as date), cast(? as date) + 83, interval '1 day') g
				where p.borough_code = ? and t.role in ('DWO', 'PC', 'PCSO', 'SERGEANT') and t.end_date is null
				on conflict do nothing""")) {
			ps.setDate(1, Date.valueOf(first));
			ps.setDate(2, Date.valueOf(first));
			ps.setString(3, borough);
			return ps.executeUpdate();
		}
	}

	void rotation(Connection db, String borough, String receiving, LocalDate first, String key) throws Exception {
		String body = "{\"receivingWard\":\"" + receiving + "\",\"firstDay\":\"" + first
				+ "\",\"weeks\":12,\"constables\":2,\"pcsos\":1}";
		String[] wards = strings(db, "select code from geography.ward where active and borough_code = '" + borough + "'");
		LocalDate last = first.plusWeeks(12).minusDays(1);
		List<Double> app = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		long rows = 0;
		int reps = Math.max(3, this.reps / 3);
		for (int i = 0; i < 1 + reps; i++) {
			boolean timed = i >= 1;
			long t0 = System.nanoTime();
			HttpResponse<String> response = post("/api/v1/flex-rotations/proposals", body);
			double ms = (System.nanoTime() - t0) / 1e6;
			if (response.statusCode() != 200 || !response.body().contains("\"periods\"")) {
				fail("rotation answered " + response.statusCode() + ": " + abbreviate(response.body()));
				return;
			}
			if (i == 0) {
				String text = response.body();
				info(key + ": " + count(text, "\"number\":") + " periods, " + count(text, "\"rank\":")
						+ " officers proposed, planner " + field(text, "millis") + " ms, max/mean before "
						+ field(text, "shareMaxToMeanBefore") + " after " + field(text, "shareMaxToMeanAfter"));
				result(key + "_officers", count(text, "\"rank\":"));
			}
			if (timed) {
				app.add(ms);
			}
			t0 = System.nanoTime();
			rows = onWard(db, wards, first, last);
			if (timed) {
				bare.add((System.nanoTime() - t0) / 1e6);
			}
		}
		result(key + "_median_ms", median(app));
		result(key + "_bare_median_ms", median(bare));
		result(key + "_bare_rows", rows);
		info(String.format(Locale.UK, "%s: median %.1f ms vs bare SQL %.1f ms over %d rows", key, median(app), median(bare),
				rows));
	}

	// ------------------------------------------------------------------ helpers

	HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", this.auth)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static long drain(PreparedStatement ps) throws SQLException {
		long n = 0;
		try (ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				rs.getLong(1);
				rs.getTimestamp(5);
				n++;
			}
		}
		return n;
	}

	static String string(Connection db, String sql) throws SQLException {
		try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	static long number(Connection db, String sql) throws SQLException {
		try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String[] strings(Connection db, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values.toArray(String[]::new);
	}

	/** A top-level scalar field of a JSON text (the first occurrence), as text. */
	static String field(String json, String name) {
		int at = json.indexOf("\"" + name + "\":");
		if (at < 0) {
			return "";
		}
		int start = at + name.length() + 3;
		int end = start;
		while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
			end++;
		}
		return json.substring(start, end).replace("\"", "");
	}

	static int count(String text, String needle) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
	}

	static double p95(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
	}

	static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "..." : text;
	}

	static void result(String key, double value) {
		System.out.println("RESULT " + key + " " + String.format(Locale.ROOT, "%.2f", value));
	}

	static void result(String key, long value) {
		System.out.println("RESULT " + key + " " + value);
	}

	static void info(String text) {
		System.out.println("INFO " + text);
	}

	void fail(String text) {
		this.failed = true;
		System.out.println("FAILED " + text);
	}

}
