import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The demand benchmark's measuring program (bench/demand runs it). Single file; needs only the
 * PostgreSQL JDBC driver on the class path:
 *
 * <pre>
 * java -cp postgresql.jar bench/DemandBench.java --jdbc URL --base URL --work DIR [options]
 * </pre>
 *
 * 1. counts the calls held (the target needs 5 million) and finds the borough with most calls;
 * 2. times GET /api/v1/demand/profile?borough=&kind=calls for that borough over the year of calls
 *    (whole months) and over a period with parts of months at both ends, taking turns with the
 *    bare SQL that reads the same calls by hour of the week (JDBC, straight to the database);
 *    then each of the 32 boroughs once (the slowest is reported);
 * 3. times GET /api/v1/demand/ranking (all London, kind=all) against the bare SQL count of the
 *    year's calls by ward;
 * 4. writes a CAD CSV of N calls (2033, every ward, new references), times PostgreSQL's own COPY of
 *    the same file into a table of its columns, then the import through the API (text/csv body,
 *    202, then polling the job until it ends), then the same file again (all duplicates).
 *
 * Output: RESULT key value lines; INFO, CHECK, WARNING, FAILED lines for people. Exit 0 when
 * everything was measured, 1 when something failed, 2 on bad arguments.
 */
public class DemandBench {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	String jdbcUrl;
	String base;
	String user = "admin";
	String password = "demo-password";
	Path work;
	int reps = 7;
	int warmup = 2;
	int rows = 1_000_000;
	int timeoutSeconds = 900;
	LocalDate from;
	LocalDate to;

	HttpClient http;
	String authHeader;
	boolean failed;

	public static void main(String[] args) throws Exception {
		DemandBench bench = new DemandBench();
		try {
			bench.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("DemandBench: " + ex.getMessage());
			System.err.println("usage: java -cp postgresql.jar bench/DemandBench.java --jdbc URL --base URL --work DIR "
					+ "[--user U] [--password P] [--reps 7] [--warmup 2] [--rows 1000000] [--timeout S]");
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
				case "--work" -> this.work = Path.of(v);
				case "--reps" -> this.reps = Integer.parseInt(v);
				case "--warmup" -> this.warmup = Integer.parseInt(v);
				case "--rows" -> this.rows = Integer.parseInt(v);
				case "--timeout" -> this.timeoutSeconds = Integer.parseInt(v);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (this.jdbcUrl == null || this.base == null || this.work == null) {
			throw new IllegalArgumentException("--jdbc, --base and --work are required");
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
			String borough = counts(db);
			profiles(db, borough);
			ranking(db);
			imports(db);
		}
		return this.failed ? 1 : 0;
	}

	// ------------------------------------------------------------------ 1. counts

	String counts(Connection db) throws SQLException {
		long calls = longQuery(db, "select count(*) from demand.call");
		result("call_rows", calls);
		result("synthetic_call_rows", longQuery(db, "select count(*) from demand.call where synthetic"));
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("select min(month), max(month) from demand.call where synthetic")) {
			rs.next();
			this.from = rs.getDate(1).toLocalDate();
			this.to = rs.getDate(2).toLocalDate().plusMonths(1).minusDays(1);
		}
		info("calls from " + this.from + " to " + this.to);
		String borough;
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
				select w.borough_code, b.name, count(*) from demand.call c join geography.ward w on w.code = c.ward_code
				join geography.borough b on b.code = w.borough_code
				group by w.borough_code, b.name order by count(*) desc limit 1""")) {
			rs.next();
			borough = rs.getString(1);
			info("the borough with most calls: " + rs.getString(2) + " (" + borough + "), " + rs.getLong(3) + " calls");
			result("borough_calls", rs.getLong(3));
		}
		result("borough", borough);
		return borough;
	}

	// ------------------------------------------------------------------ 2. profiles

	static final String BARE_HOURS = """
			select hour_of_week, count(*) from demand.call
			where ward_code = any(?) and received_at >= ? and received_at < ?
			group by hour_of_week""";

	void profiles(Connection db, String borough) throws Exception {
		String[] wards = wards(db, borough);
		// the year, whole months
		timeProfile(db, "profile_year", borough, wards, this.from, this.to);
		// parts of months at both ends
		timeProfile(db, "profile_parts", borough, wards, this.from.plusDays(14), this.to.minusDays(10));
		// every borough once
		double slowest = 0;
		String slowestBorough = "";
		List<String> boroughs = new ArrayList<>();
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select code from geography.borough")) {
			while (rs.next()) {
				boroughs.add(rs.getString(1));
			}
		}
		for (String code : boroughs) {
			long t0 = System.nanoTime();
			HttpResponse<byte[]> res = get("/api/v1/demand/profile?borough=" + code + "&kind=calls&from=" + this.from
					+ "&to=" + this.to);
			double ms = (System.nanoTime() - t0) / 1e6;
			if (res.statusCode() != 200) {
				fail("profile of " + code + " answered " + res.statusCode());
			}
			if (ms > slowest) {
				slowest = ms;
				slowestBorough = code;
			}
		}
		result("profile_every_borough_max_ms", fmt(slowest));
		info("slowest of the " + boroughs.size() + " borough profiles: " + slowestBorough + " " + fmt(slowest) + " ms");
	}

	void timeProfile(Connection db, String key, String borough, String[] wards, LocalDate from, LocalDate to)
			throws Exception {
		String path = "/api/v1/demand/profile?borough=" + borough + "&kind=calls&from=" + from + "&to=" + to;
		List<Double> api = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		double apiTotal = 0;
		long bareTotal = 0;
		for (int round = 0; round < this.warmup + this.reps; round++) {
			boolean measured = round >= this.warmup;
			for (int turn = 0; turn < 2; turn++) {
				int what = (turn + round) % 2;
				long t0 = System.nanoTime();
				if (what == 0) {
					HttpResponse<byte[]> res = get(path);
					double ms = (System.nanoTime() - t0) / 1e6;
					if (res.statusCode() != 200) {
						fail(path + " answered " + res.statusCode() + ": " + head(res.body()));
						return;
					}
					apiTotal = jsonDouble(new String(res.body(), StandardCharsets.UTF_8), "total");
					if (measured) {
						api.add(ms);
					}
				}
				else {
					try (PreparedStatement st = db.prepareStatement(BARE_HOURS)) {
						st.setArray(1, db.createArrayOf("text", wards));
						st.setTimestamp(2, Timestamp.from(from.atStartOfDay(LONDON).toInstant()));
						st.setTimestamp(3, Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant()));
						long sum = 0;
						try (ResultSet rs = st.executeQuery()) {
							while (rs.next()) {
								sum += rs.getLong(2);
							}
						}
						bareTotal = sum;
					}
					if (measured) {
						bare.add((System.nanoTime() - t0) / 1e6);
					}
				}
			}
		}
		check(key + ": the profile's total is the calls counted by the bare SQL", Math.round(apiTotal), bareTotal);
		result(key + "_from", from);
		result(key + "_to", to);
		result(key + "_calls", bareTotal);
		result(key + "_median_ms", fmt(percentile(api, 50)));
		result(key + "_p95_ms", fmt(percentile(api, 95)));
		result(key + "_bare_median_ms", fmt(percentile(bare, 50)));
		result(key + "_bare_p95_ms", fmt(percentile(bare, 95)));
		info(key + " " + from + ".." + to + ": API " + api + " ms, bare SQL " + bare + " ms");
	}

	// ------------------------------------------------------------------ 3. ranking

	static final String BARE_RANKING = """
			select ward_code, count(*) from demand.call where received_at >= ? and received_at < ?
			group by ward_code order by count(*) desc""";

	void ranking(Connection db) throws Exception {
		String path = "/api/v1/demand/ranking?kind=all&from=" + this.from + "&to=" + this.to;
		List<Double> api = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		int wards = 0;
		for (int round = 0; round < this.warmup + this.reps; round++) {
			boolean measured = round >= this.warmup;
			for (int turn = 0; turn < 2; turn++) {
				int what = (turn + round) % 2;
				long t0 = System.nanoTime();
				if (what == 0) {
					HttpResponse<byte[]> res = get(path);
					double ms = (System.nanoTime() - t0) / 1e6;
					if (res.statusCode() != 200) {
						fail(path + " answered " + res.statusCode());
						return;
					}
					wards = count(new String(res.body(), StandardCharsets.UTF_8), "\"wardCode\"");
					if (measured) {
						api.add(ms);
					}
				}
				else {
					try (PreparedStatement st = db.prepareStatement(BARE_RANKING)) {
						st.setTimestamp(1, Timestamp.from(this.from.atStartOfDay(LONDON).toInstant()));
						st.setTimestamp(2, Timestamp.from(this.to.plusDays(1).atStartOfDay(LONDON).toInstant()));
						try (ResultSet rs = st.executeQuery()) {
							while (rs.next()) {
								rs.getString(1);
							}
						}
					}
					if (measured) {
						bare.add((System.nanoTime() - t0) / 1e6);
					}
				}
			}
		}
		check("ranking lists every ward", wards, longQuery(db, "select count(*) from geography.ward where active"));
		result("ranking_median_ms", fmt(percentile(api, 50)));
		result("ranking_p95_ms", fmt(percentile(api, 95)));
		result("ranking_bare_median_ms", fmt(percentile(bare, 50)));
		result("ranking_bare_p95_ms", fmt(percentile(bare, 95)));
		info("ranking: API " + api + " ms, bare SQL (calls by ward) " + bare + " ms");
	}

	// ------------------------------------------------------------------ 4. import vs COPY

	static final String[] CATEGORIES = { "Violence", "Theft", "ASB - nuisance", "Suspicious circumstances", "Road traffic",
			"Concern for welfare", "Burglary", "ASB - personal" };

	void imports(Connection db) throws Exception {
		List<String> wards = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("select code from geography.ward where active order by code")) {
			while (rs.next()) {
				wards.add(rs.getString(1));
			}
		}
		String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
		Path file = this.work.resolve("bench-calls.csv");
		// the same calls as demand.call stores them (London month and hour of week, a category id), for the second reference
		Path stored = this.work.resolve("bench-calls-as-stored.csv");
		long start = Instant.parse("2033-01-01T00:00:00Z").getEpochSecond();
		long span = Instant.parse("2034-01-01T00:00:00Z").getEpochSecond() - start;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				BufferedWriter as = Files.newBufferedWriter(stored, StandardCharsets.UTF_8)) {
			out.write("reference,received,ward_code,category,grade\n");
			long seed = 42;
			for (int i = 0; i < this.rows; i++) {
				seed = seed * 6364136223846793005L + 1442695040888963407L;
				long at = start + Math.floorMod(seed >>> 16, span);
				String reference = "B" + run + "-" + i;
				String received = Instant.ofEpochSecond(at).toString();
				String ward = wards.get(i % wards.size());
				int category = (int) Math.floorMod(seed >>> 40, CATEGORIES.length);
				String grade = i % 4 == 0 ? "I" : "S";
				out.write(reference + "," + received + "," + ward + "," + CATEGORIES[category] + "," + grade + "\n");
				java.time.ZonedDateTime local = Instant.ofEpochSecond(at).atZone(LONDON);
				int hourOfWeek = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
				as.write("R" + reference + "," + received + "," + local.toLocalDate().withDayOfMonth(1) + "," + hourOfWeek + ","
						+ ward + "," + (category + 1) + "," + grade + ",false\n");
			}
		}
		long bytes = Files.size(file);
		result("import_rows", this.rows);
		result("import_file_bytes", bytes);

		// Reference: PostgreSQL's own COPY of the same file into a table of its columns.
		try (Statement st = db.createStatement()) {
			st.execute("drop table if exists public.bench_calls_copy");
			st.execute("create table public.bench_calls_copy (reference text, received timestamptz, ward_code text, "
					+ "category text, grade text)");
		}
		CopyManager copier = db.unwrap(PGConnection.class).getCopyAPI();
		long t0 = System.nanoTime();
		long copied;
		try (InputStream in = Files.newInputStream(file)) {
			copied = copier.copyIn("copy public.bench_calls_copy from stdin (format csv, header)", in, 1 << 16);
		}
		double copyMs = (System.nanoTime() - t0) / 1e6;
		try (Statement st = db.createStatement()) {
			st.execute("drop table public.bench_calls_copy");
		}
		check("COPY stored every row", copied, this.rows);
		result("copy_ms", fmt(copyMs));
		result("copy_rows_per_s", fmt(this.rows / (copyMs / 1000)));

		// For information: COPY of the same calls, as stored, into an empty copy of demand.call with its
		// primary key (the natural key) and ward-time index: what storing these rows costs at least.
		try (Statement st = db.createStatement()) {
			st.execute("drop table if exists public.bench_calls_stored");
			st.execute("create table public.bench_calls_stored (like demand.call including all)");
		}
		t0 = System.nanoTime();
		try (InputStream in = Files.newInputStream(stored)) {
			copied = copier.copyIn("copy public.bench_calls_stored (reference, received_at, month, hour_of_week, ward_code, "
					+ "category_id, grade, synthetic) from stdin (format csv)", in, 1 << 16);
		}
		double storedMs = (System.nanoTime() - t0) / 1e6;
		try (Statement st = db.createStatement()) {
			st.execute("drop table public.bench_calls_stored");
		}
		check("COPY into a copy of demand.call stored every row", copied, this.rows);
		result("copy_indexed_ms", fmt(storedMs));
		result("copy_indexed_rows_per_s", fmt(this.rows / (storedMs / 1000)));

		importOnce("import", file, this.rows, 0);
		importOnce("reimport", file, 0, this.rows);
		check("calls stored by the import", longQuery(db, "select count(*) from demand.call where reference like 'B" + run
				+ "-%'"), this.rows);
	}

	void importOnce(String key, Path file, long expectStored, long expectDuplicate) throws Exception {
		long t0 = System.nanoTime();
		HttpResponse<String> accepted = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/imports/cad-calls"))
			.header("Authorization", this.authHeader)
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofSeconds(this.timeoutSeconds))
			.POST(HttpRequest.BodyPublishers.ofFile(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		double acceptedMs = (System.nanoTime() - t0) / 1e6;
		if (accepted.statusCode() != 202) {
			fail(key + " answered " + accepted.statusCode() + ": " + accepted.body());
			return;
		}
		String statusUrl = jsonString(accepted.body(), "statusUrl");
		String job;
		while (true) {
			HttpResponse<String> res = this.http.send(HttpRequest.newBuilder(URI.create(this.base + statusUrl))
				.header("Authorization", this.authHeader)
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			job = res.body();
			String status = jsonString(job, "status");
			if ("succeeded".equals(status) || "failed".equals(status)) {
				break;
			}
			if ((System.nanoTime() - t0) / 1e9 > this.timeoutSeconds) {
				fail(key + ": the job did not finish in " + this.timeoutSeconds + " s");
				return;
			}
			Thread.sleep(100);
		}
		double wallMs = (System.nanoTime() - t0) / 1e6;
		if (!"succeeded".equals(jsonString(job, "status"))) {
			fail(key + " failed: " + head(job.getBytes(StandardCharsets.UTF_8)));
			return;
		}
		long durationMs = jsonLong(job, "durationMs");
		check(key + " rowsRead", jsonLong(job, "rowsRead"), this.rows);
		check(key + " stored", jsonLong(job, "stored"), expectStored);
		check(key + " duplicate", jsonLong(job, "duplicate"), expectDuplicate);
		result(key + "_upload_ms", fmt(acceptedMs));
		result(key + "_wall_ms", fmt(wallMs));
		result(key + "_duration_ms", durationMs);
		result(key + "_rows_per_s_wall", fmt(this.rows / (wallMs / 1000)));
		result(key + "_rows_per_s_server", durationMs > 0 ? fmt(this.rows / (durationMs / 1000.0)) : "nan");
		result(key + "_read_and_stage_ms", jsonLong(job, "readAndStage"));
		result(key + "_store_ms", jsonLong(job, "store"));
		info(key + ": upload and 202 in " + fmt(acceptedMs) + " ms, job finished after " + fmt(wallMs) + " ms (job "
				+ durationMs + " ms: reading and staging " + jsonLong(job, "readAndStage") + " ms, storing "
				+ jsonLong(job, "store") + " ms)");
	}

	// ------------------------------------------------------------------ helpers

	String[] wards(Connection db, String borough) throws SQLException {
		List<String> wards = new ArrayList<>();
		try (PreparedStatement st = db.prepareStatement("select code from geography.ward where borough_code = ? and active")) {
			st.setString(1, borough);
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					wards.add(rs.getString(1));
				}
			}
		}
		return wards.toArray(String[]::new);
	}

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authHeader)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(this.timeoutSeconds))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static long longQuery(Connection db, String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

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

	static double jsonDouble(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?[0-9.Ee+-]+)").matcher(json);
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}

	static String jsonString(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return m.find() ? m.group(1) : null;
	}

	static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
			n++;
		}
		return n;
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
