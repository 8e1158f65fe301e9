import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The performance benchmark's measuring program (bench/performance runs it). Single file; needs
 * only the PostgreSQL JDBC driver on the class path:
 *
 * <pre>
 * java -cp postgresql.jar bench/PerformanceBench.java --jdbc URL --base URL [--month YYYY-MM] [--reps N] [--warmup N]
 * </pre>
 *
 * Times GET /performance?month=M&level=force (the London monthly SN performance report as HTML,
 * logged in as an analyst with the form login) and, taking turns with it in the same run, the bare SQL
 * of its sources over the same month: EPIC activity by ward and measure, duty minutes by ward team
 * and activity code from duties.duty, problems by ward, demand records by ward for the six months,
 * and survey results of the quarters compared. The ratio report ÷ bare SQL shows what the
 * application adds (classification, the abstraction report's rules, significance tests, the
 * ranking, rendering).
 *
 * Output: RESULT key value lines; INFO, CHECK, FAILED lines for people. Exit 0 when measured.
 */
public class PerformanceBench {

	String jdbcUrl;
	String base;
	String user = "analyst";
	String password = "demo-password";
	YearMonth month = YearMonth.now().minusMonths(1);
	int reps = 7;
	int warmup = 2;
	int failures;

	public static void main(String[] args) throws Exception {
		PerformanceBench bench = new PerformanceBench();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--jdbc" -> bench.jdbcUrl = args[++i];
				case "--base" -> bench.base = args[++i];
				case "--user" -> bench.user = args[++i];
				case "--password" -> bench.password = args[++i];
				case "--month" -> bench.month = YearMonth.parse(args[++i]);
				case "--reps" -> bench.reps = Integer.parseInt(args[++i]);
				case "--warmup" -> bench.warmup = Integer.parseInt(args[++i]);
				default -> {
					System.err.println("unknown option " + args[i]);
					System.exit(2);
				}
			}
		}
		if (bench.jdbcUrl == null || bench.base == null) {
			System.err.println("--jdbc and --base are required");
			System.exit(2);
		}
		bench.run();
		System.exit(bench.failures == 0 ? 0 : 1);
	}

	void run() throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		login(client);
		String path = "/performance?month=" + this.month + "&level=force";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(120))
			.GET()
			.build();
		try (Connection db = DriverManager.getConnection(this.jdbcUrl)) {
			db.setReadOnly(true);
			info("month " + this.month + ", " + this.warmup + " warm-ups, " + this.reps + " timed, taking turns with the bare SQL");
			result("epic_rows_in_month", longQuery(db, "select count(*) from performance.epic_activity where month = '"
					+ this.month.atDay(1) + "'"));
			result("duties_in_month", longQuery(db, "select count(*) from duties.duty where kind = 'ACTUAL' and duty_date between '"
					+ this.month.atDay(1) + "' and '" + this.month.atEndOfMonth() + "'"));
			List<Double> page = new ArrayList<>();
			List<Double> bare = new ArrayList<>();
			int bytes = 0;
			for (int i = 0; i < this.warmup + this.reps; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				double ms = (System.nanoTime() - t0) / 1e6;
				if (response.statusCode() != 200 || !response.body().contains("Wards needing attention")) {
					this.failures++;
					System.out.println("FAILED GET " + path + " answered " + response.statusCode());
					continue;
				}
				bytes = response.body().length();
				long t1 = System.nanoTime();
				bareSql(db);
				double bareMs = (System.nanoTime() - t1) / 1e6;
				if (i >= this.warmup) {
					page.add(ms);
					bare.add(bareMs);
				}
				info("round " + (i + 1) + (i < this.warmup ? " (warm-up)" : "") + ": report " + fmt(ms) + " ms, bare SQL "
						+ fmt(bareMs) + " ms");
			}
			result("report_html_bytes", bytes);
			result("report_median_ms", fmt(percentile(page, 50)));
			result("report_p95_ms", fmt(percentile(page, 95)));
			result("report_max_ms", fmt(percentile(page, 100)));
			result("bare_median_ms", fmt(percentile(bare, 50)));
			result("bare_p95_ms", fmt(percentile(bare, 95)));
		}
	}

	/** Form login (the pages' way in): GET /login for the CSRF token, POST /login, keep the session cookie. */
	void login(HttpClient client) throws Exception {
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
			.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no _csrf token in the login page");
		}
		String token = m.group(1) != null ? m.group(1) : m.group(2);
		String form = "username=" + enc(this.user) + "&password=" + enc(this.password) + "&_csrf=" + enc(token);
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("form login failed: " + answer.statusCode() + " " + location);
		}
		info("logged in as " + this.user + " (form login)");
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The bare SQL of the report's sources for the month, each read in full. */
	void bareSql(Connection db) throws SQLException {
		LocalDate from = this.month.atDay(1);
		LocalDate to = this.month.atEndOfMonth();
		drain(db, "select ward_code, measure, sum(count), sum(count) filter (where priority_id is not null) "
				+ "from performance.epic_activity where month = ? group by ward_code, measure", from);
		drain(db, "select m.ward_code, d.activity_code, d.ward_code = m.ward_code, sum(extract(epoch from least(d.ends_at, "
				+ "(?::date + 1)::timestamp at time zone 'Europe/London') - greatest(d.starts_at, ?::date::timestamp at time zone "
				+ "'Europe/London')) / 60) from duties.duty d join workforce.team_membership m on m.person_id = d.person_id "
				+ "and d.duty_date between m.start_date and coalesce(m.end_date, 'infinity') where d.kind = 'ACTUAL' and "
				+ "d.duty_date between ? and ? group by 1, 2, 3", to, from, from, to);
		drain(db, "select ward_code, count(*) filter (where opened_on between ? and ?), count(*) filter (where closed_on "
				+ "between ? and ?) from performance.problem group by ward_code", from, to, from, to);
		drain(db, "select ward_code, sum(records) from demand.ward_month where month between ? and ? group by ward_code",
				this.month.minusMonths(5).atDay(1), from);
		drain(db, "select period, area_code, question, positives, sample_size from performance.survey_result");
	}

	static void drain(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int c = 1; c <= columns; c++) {
						rs.getObject(c);
					}
				}
			}
		}
	}

	static long longQuery(Connection db, String sql) throws SQLException {
		try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static double percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.1f", v);
	}

	static void result(String key, Object value) {
		System.out.println("RESULT " + key + " " + value);
	}

	static void info(String text) {
		System.out.println("INFO " + text);
	}

}
