import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The duties benchmark's measuring program (bench/duties runs it). Single file; needs only the
 * PostgreSQL JDBC driver on the class path:
 *
 * <pre>
 * java -cp postgresql.jar bench/ReportBench.java --jdbc URL --base URL --month YYYY-MM --work DIR [options]
 * </pre>
 *
 * 1. counts the rows of duties.duty and the ACTUAL rows overlapping the month;
 * 2. times GET /api/v1/reports/abstraction?month= (all London, HTTP Basic) and the bare SQL
 *    aggregate over the same rows through JDBC, taking turns (2 warm-ups each, then 7 timed each,
 *    the order rotating per round so that a slow patch of the machine hits both alike);
 * 3. writes a valid CSV of N rows (people of ward teams, consecutive days of 07:00-15:00 SN_WARD
 *    planned tours from 2032-01-01), times a PostgreSQL COPY of the same rows into a scratch copy
 *    of duties.duty (dropped after), imports the file through the API, then imports it again.
 *
 * Machine-readable output: {@code RESULT key value} lines; {@code INFO}, {@code CHECK} and
 * {@code WARNING} lines for people. Exit 0 when everything was measured, 1 when something failed
 * (an HTTP error, an import that stored the wrong number of rows), 2 on bad arguments.
 */
public class ReportBench {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	String jdbcUrl;
	String base;
	String user = "admin";
	String password = "demo-password";
	String month;
	Path work;
	int reps = 7;
	int warmup = 2;
	int rows = 100_000;
	int timeoutSeconds = 600;
	LocalDate firstDay = LocalDate.of(2032, 1, 1);

	HttpClient http;
	String authHeader;
	boolean failed;

	public static void main(String[] args) throws Exception {
		ReportBench bench = new ReportBench();
		try {
			bench.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("ReportBench: " + ex.getMessage());
			System.err.println("usage: java -cp postgresql.jar bench/ReportBench.java --jdbc URL --base URL --month YYYY-MM "
					+ "--work DIR [--user U] [--password P] [--reps 7] [--warmup 2] [--rows 100000] [--timeout S]");
			System.exit(2);
		}
		System.exit(bench.run());
	}

	void parse(String[] args) {
		for (int i = 0; i < args.length; i += 2) {
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + args[i]);
			}
			String v = args[i + 1];
			switch (args[i]) {
				case "--jdbc" -> this.jdbcUrl = v;
				case "--base" -> this.base = v.replaceAll("/+$", "");
				case "--user" -> this.user = v;
				case "--password" -> this.password = v;
				case "--month" -> this.month = YearMonth.parse(v).toString();
				case "--work" -> this.work = Path.of(v);
				case "--reps" -> this.reps = Integer.parseInt(v);
				case "--warmup" -> this.warmup = Integer.parseInt(v);
				case "--rows" -> this.rows = Integer.parseInt(v);
				case "--timeout" -> this.timeoutSeconds = Integer.parseInt(v);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (this.jdbcUrl == null || this.base == null || this.month == null || this.work == null) {
			throw new IllegalArgumentException("--jdbc, --base, --month and --work are required");
		}
		if (this.reps < 1 || this.rows < 1) {
			throw new IllegalArgumentException("--reps and --rows must be > 0");
		}
	}

	int run() throws Exception {
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.authHeader = "Basic " + Base64.getEncoder()
			.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		try (Connection db = DriverManager.getConnection(this.jdbcUrl)) {
			db.setAutoCommit(true);
			counts(db);
			report(db);
			imports(db);
		}
		return this.failed ? 1 : 0;
	}

	// ------------------------------------------------------------------ 1. counts

	static final String MONTH_BOUNDS = """
			with b as (select (cast(? as date))::timestamp at time zone 'Europe/London' as m_start,
			                  (cast(? as date) + interval '1 month')::timestamp at time zone 'Europe/London' as m_end)
			""";

	void counts(Connection db) throws SQLException {
		result("duty_rows", longQuery(db, "select count(*) from duties.duty"));
		try (PreparedStatement st = db.prepareStatement(MONTH_BOUNDS + """
				select count(*) from duties.duty d, b
				where d.kind = 'ACTUAL' and d.starts_at < b.m_end and d.ends_at > b.m_start""")) {
			bindMonth(st);
			result("month_actual_rows", single(st));
		}
		info("duty rows by kind: " + stringQuery(db,
				"select string_agg(kind || ' ' || n, ', ' order by kind) from (select kind, count(*) n from duties.duty group by kind) k"));
	}

	// ------------------------------------------------------------------ 2. report vs bare SQL

	/** The minimal aggregate: team ward x activity code, minutes clipped to the month, no rule sets. */
	static final String BARE = MONTH_BOUNDS + """
			select t.ward_code, d.activity_code,
			       sum(extract(epoch from least(d.ends_at, b.m_end) - greatest(d.starts_at, b.m_start)) / 60) as minutes
			from duties.duty d
			cross join b
			join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
			     and (t.end_date is null or t.end_date > d.duty_date)
			where d.kind = 'ACTUAL' and d.starts_at < b.m_end and d.ends_at > b.m_start
			group by t.ward_code, d.activity_code""";

	void report(Connection db) throws Exception {
		URI uri = URI.create(this.base + "/api/v1/reports/abstraction?month=" + this.month + "&format=json");
		List<Double> reportMs = new ArrayList<>();
		List<Double> bareMs = new ArrayList<>();
		long[] bareShape = new long[2];
		int[] reportBytes = new int[1];
		int kinds = 2;
		for (int round = 0; round < this.warmup + this.reps; round++) {
			boolean measured = round >= this.warmup;
			for (int turn = 0; turn < kinds; turn++) {
				int what = (turn + round) % kinds; // the order rotates each round
				long t0 = System.nanoTime();
				if (what == 0) {
					HttpResponse<byte[]> res = this.http.send(HttpRequest.newBuilder(uri)
						.header("Authorization", this.authHeader)
						.header("Accept", "application/json")
						.timeout(Duration.ofSeconds(this.timeoutSeconds))
						.GET()
						.build(), HttpResponse.BodyHandlers.ofByteArray());
					double ms = (System.nanoTime() - t0) / 1e6;
					if (res.statusCode() != 200) {
						fail("report answered " + res.statusCode() + ": " + head(res.body()));
						return;
					}
					reportBytes[0] = res.body().length;
					if (measured) {
						reportMs.add(ms);
					}
				}
				else if (what == 1) {
					try (PreparedStatement st = db.prepareStatement(BARE)) {
						bindMonth(st);
						long groups = 0;
						double minutes = 0;
						try (ResultSet rs = st.executeQuery()) {
							while (rs.next()) {
								rs.getString(1);
								rs.getString(2);
								minutes += rs.getDouble(3);
								groups++;
							}
						}
						bareShape[0] = groups;
						bareShape[1] = Math.round(minutes);
					}
					if (measured) {
						bareMs.add((System.nanoTime() - t0) / 1e6);
					}
				}
			}
			if (measured) {
				info(String.format(Locale.ROOT, "round %d: report %.1f ms, bare SQL %.1f ms", round - this.warmup + 1,
						reportMs.get(reportMs.size() - 1), bareMs.get(bareMs.size() - 1)));
			}
		}
		result("report_median_ms", fmt(percentile(reportMs, 50)));
		result("report_p95_ms", fmt(percentile(reportMs, 95)));
		result("report_min_ms", fmt(percentile(reportMs, 0)));
		result("report_max_ms", fmt(percentile(reportMs, 100)));
		result("report_bytes", reportBytes[0]);
		result("bare_median_ms", fmt(percentile(bareMs, 50)));
		result("bare_p95_ms", fmt(percentile(bareMs, 95)));
		result("bare_min_ms", fmt(percentile(bareMs, 0)));
		result("bare_max_ms", fmt(percentile(bareMs, 100)));
		result("bare_groups", bareShape[0]);
		result("bare_minutes", bareShape[1]);
		if (bareShape[0] == 0) {
			warning("the bare aggregate found no duty minutes in " + this.month);
		}
	}


	// ------------------------------------------------------------------ 3. import vs COPY

	record Person(String serviceNumber, long id, String ward) {
	}

	static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	void imports(Connection db) throws Exception {
		List<Person> people = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("""
						select p.service_number, p.id, min(t.ward_code)
						from workforce.person p join workforce.team_membership t on t.person_id = p.id
						group by p.service_number, p.id
						order by p.service_number""")) {
			while (rs.next()) {
				people.add(new Person(rs.getString(1), rs.getLong(2), rs.getString(3)));
			}
		}
		if (people.isEmpty()) {
			fail("no people in ward teams");
			return;
		}
		int perPerson = (this.rows + people.size() - 1) / people.size();
		LocalDate last = this.firstDay.plusDays(perPerson - 1);
		if (last.getYear() != this.firstDay.getYear()) {
			fail(people.size() + " people cannot carry " + this.rows + " rows within " + this.firstDay.getYear());
			return;
		}
		info(people.size() + " people in ward teams, " + perPerson + " days each at most (" + this.firstDay + " to "
				+ last + ")");
		String fileName = "bench-duties-" + this.firstDay.getYear() + ".csv";
		String source = "csv import: " + fileName;
		StringBuilder csv = new StringBuilder(this.rows * 56)
			.append("service_number,kind,date,start,end,ward_code,place,activity_code\n");
		StringBuilder copy = new StringBuilder(this.rows * 120);
		int written = 0;
		for (Person person : people) {
			for (int day = 0; day < perPerson && written < this.rows; day++, written++) {
				LocalDate date = this.firstDay.plusDays(day);
				csv.append(person.serviceNumber()).append(",PLANNED,").append(date).append(",07:00,15:00,")
					.append(person.ward()).append(",,SN_WARD\n");
				ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(7, 0), LONDON);
				ZonedDateTime end = ZonedDateTime.of(date, LocalTime.of(15, 0), LONDON);
				copy.append(person.id()).append(",PLANNED,").append(date).append(',').append(ISO.format(start))
					.append(',').append(ISO.format(end)).append(',').append(person.ward()).append(",\"\",SN_WARD,\"")
					.append(source).append("\",").append(this.user).append('\n');
			}
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		Files.write(this.work.resolve(fileName), file);
		result("import_rows", written);
		result("import_file_bytes", file.length);
		long before = longQuery(db, "select count(*) from duties.duty where starts_at >= '" + this.firstDay
				+ "' and starts_at < '" + this.firstDay.plusYears(1) + "'");
		if (before != 0) {
			warning(before + " duties are stored in " + this.firstDay.getYear() + " already: the import will be rejected");
		}

		// Reference: COPY of the same rows into a scratch copy of the table (same columns, indexes, constraints).
		try (Statement st = db.createStatement()) {
			st.execute("drop table if exists public.bench_copy");
			st.execute("create table public.bench_copy (like duties.duty including all)");
		}
		byte[] copyBytes = copy.toString().getBytes(StandardCharsets.UTF_8);
		CopyManager copier = db.unwrap(PGConnection.class).getCopyAPI();
		long t0 = System.nanoTime();
		long copied = copier.copyIn("copy public.bench_copy (person_id, kind, duty_date, starts_at, ends_at, ward_code, "
				+ "place, activity_code, source, changed_by) from stdin (format csv)", new java.io.ByteArrayInputStream(copyBytes));
		double copyMs = (System.nanoTime() - t0) / 1e6;
		try (Statement st = db.createStatement()) {
			st.execute("drop table public.bench_copy");
		}
		if (copied != written) {
			fail("COPY stored " + copied + " rows, not " + written);
		}
		result("copy_ms", fmt(copyMs));
		result("copy_rows_per_s", fmt(written / (copyMs / 1000)));

		// The import through the API, then the same file again.
		importOnce(db, "import", fileName, file, written, written, 0);
		importOnce(db, "reimport", fileName, file, written, 0, written);
		long stored = longQuery(db, "select count(*) from duties.duty where source = '" + source.replace("'", "''") + "'");
		check("duties stored with source '" + source + "'", stored, written);
	}

	void importOnce(Connection db, String key, String fileName, byte[] file, int rows, int expectStored,
			int expectUnchanged) throws Exception {
		String boundary = "ringfence-bench-" + Long.toHexString(System.nanoTime());
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/imports/duties"))
			.header("Authorization", this.authHeader)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(this.timeoutSeconds))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		long t0 = System.nanoTime();
		HttpResponse<String> res = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		double wallMs = (System.nanoTime() - t0) / 1e6;
		if (res.statusCode() != 200) {
			fail(key + " answered " + res.statusCode() + ": " + head(res.body().getBytes(StandardCharsets.UTF_8)));
			return;
		}
		long durationMs = jsonLong(res.body(), "durationMs");
		long stored = jsonLong(res.body(), "stored");
		long unchanged = jsonLong(res.body(), "unchanged");
		long rowsRead = jsonLong(res.body(), "rowsRead");
		info(key + ": " + res.body().replaceAll("\\s+", " "));
		check(key + " rowsRead", rowsRead, rows);
		check(key + " stored", stored, expectStored);
		check(key + " unchanged", unchanged, expectUnchanged);
		result(key + "_wall_ms", fmt(wallMs));
		result(key + "_duration_ms", durationMs);
		result(key + "_rows_per_s_wall", fmt(rows / (wallMs / 1000)));
		result(key + "_rows_per_s_server", durationMs > 0 ? fmt(rows / (durationMs / 1000.0)) : "nan");
	}

	// ------------------------------------------------------------------ helpers

	void bindMonth(PreparedStatement st) throws SQLException {
		java.sql.Date first = java.sql.Date.valueOf(YearMonth.parse(this.month).atDay(1));
		st.setDate(1, first);
		st.setDate(2, first);
	}

	static long single(PreparedStatement st) throws SQLException {
		try (ResultSet rs = st.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static long longQuery(Connection db, String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String stringQuery(Connection db, String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Nearest rank (p0 = min, p100 = max). */
	static double percentile(List<Double> values, double p) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static long jsonLong(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	static String head(byte[] body) {
		String s = new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
		return s.replaceAll("\\s+", " ");
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.1f", v);
	}

	void check(String what, long actual, long expected) {
		if (actual == expected) {
			System.out.println("CHECK ok " + what + " = " + actual);
		}
		else {
			fail(what + " = " + actual + ", expected " + expected);
		}
	}

	static void result(String key, Object value) {
		System.out.println("RESULT " + key + " " + value);
	}

	static void info(String text) {
		System.out.println("INFO " + text);
	}

	static void warning(String text) {
		System.out.println("WARNING " + text);
	}

	void fail(String text) {
		System.out.println("FAILED " + text);
		this.failed = true;
	}

}
