import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mixed load of bench/load: C clients in closed loops for S seconds, each picking its next
 * request by weight from a realistic mix of what the people of a borough do (analysts' dashboards
 * and reports, controllers' deflection board, the resource office entering duties, sergeants
 * drafting flex requests and reading the list, an analyst importing CAD calls, residents on the
 * public API), recording the latency and status of every request. Afterwards it checks that every
 * write answered 2xx is in the database (duties, flex drafts, imported calls).
 *
 * <pre>
 * java -cp postgresql.jar bench/MixedLoad.java --base URL --jdbc JDBC_URL [--seconds 600] [--clients 16]
 * </pre>
 *
 * Output: {@code RESULT op count p50_ms p95_ms p99_ms max_ms errors} per operation and "all",
 * {@code THROUGHPUT rps}, {@code VERIFY name PASS|FAIL detail}, {@code INFO ...}. Exit 0 when the
 * run completed (verdicts are in the lines), 2 on bad arguments, 3 when the app is unreachable.
 */
public class MixedLoad {

	static final String CAMDEN = "E09000007";

	static final String[] BOROUGHS = { "E09000007", "E09000012", "E09000033", "E09000028", "E09000022", "E09000019" };

	static final String PASSWORD = "demo-password";

	String base;

	String jdbc;

	int seconds = 600;

	int clients = 16;

	String stamp = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

	HttpClient http;

	/** An operation of the mix: a name, a weight, and what it does (returns the status). */
	record Op(String name, int weight, Action action) {
	}

	interface Action {

		int run(Random random) throws Exception;

	}

	final Map<String, ConcurrentLinkedQueue<long[]>> samples = new ConcurrentHashMap<>(); // {nanos, status}

	final AtomicLong dutySeq = new AtomicLong();

	final AtomicLong importSeq = new AtomicLong();

	final ConcurrentLinkedQueue<Long> dutiesCreated = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Long> flexCreated = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<String> importJobs = new ConcurrentLinkedQueue<>();

	final AtomicLong unexpected = new AtomicLong();

	/** CAD imports refused with 409 because the import queue was full: the documented back-pressure, not an error. */
	final AtomicLong backPressure = new AtomicLong();

	final ConcurrentLinkedQueue<String> errorExamples = new ConcurrentLinkedQueue<>();

	// set up from the database
	List<long[]> camdenOfficers = new ArrayList<>(); // {personId} with their ward in wardOf

	Map<Long, String> wardOf = new TreeMap<>();

	String sergeantWard;

	List<long[]> otherWardOfficers = new ArrayList<>();

	List<String> wards = new ArrayList<>();

	boolean publicApi;

	String month;

	/** The first day of this run's duties: after any duty an earlier run left in 2041 and later. */
	LocalDate firstDutyDay = LocalDate.of(2041, 1, 1);

	public static void main(String[] args) throws Exception {
		MixedLoad load = new MixedLoad();
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--base" -> load.base = args[i + 1].replaceAll("/+$", "");
				case "--jdbc" -> load.jdbc = args[i + 1];
				case "--seconds" -> load.seconds = Integer.parseInt(args[i + 1]);
				case "--clients" -> load.clients = Integer.parseInt(args[i + 1]);
				default -> {
					System.err.println("MixedLoad: unknown option " + args[i]);
					System.exit(2);
				}
			}
		}
		if (load.base == null || load.jdbc == null) {
			System.err.println("usage: java -cp postgresql.jar bench/MixedLoad.java --base URL --jdbc JDBC_URL [--seconds N] [--clients N]");
			System.exit(2);
		}
		System.exit(load.run());
	}

	int run() throws Exception {
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.month = YearMonth.now().minusMonths(1).toString();
		setUp();
		List<Op> mix = mix();
		int total = mix.stream().mapToInt(Op::weight).sum();
		System.out.println("INFO mix: " + mix.stream().map(o -> o.name() + "=" + o.weight()).toList() + " (of " + total
				+ "), " + this.clients + " clients, " + this.seconds + " s, public API " + (this.publicApi ? "on" : "absent"));
		long end = System.nanoTime() + this.seconds * 1_000_000_000L;
		long started = System.nanoTime();
		CountDownLatch done = new CountDownLatch(this.clients);
		AtomicLong progress = new AtomicLong();
		for (int c = 0; c < this.clients; c++) {
			Random random = new Random(1000 + c);
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						int pick = random.nextInt(total);
						Op op = mix.get(0);
						for (Op o : mix) {
							pick -= o.weight();
							if (pick < 0) {
								op = o;
								break;
							}
						}
						long t0 = System.nanoTime();
						int status;
						try {
							status = op.action().run(random);
						}
						catch (Exception ex) {
							status = -1;
							note(op.name() + ": " + ex);
						}
						this.samples.computeIfAbsent(op.name(), k -> new ConcurrentLinkedQueue<>())
							.add(new long[] { System.nanoTime() - t0, status });
						progress.incrementAndGet();
					}
				}
				finally {
					done.countDown();
				}
			});
			thread.setDaemon(true);
			thread.start();
		}
		long lastReport = System.nanoTime();
		while (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
			if (System.nanoTime() - lastReport > 60_000_000_000L) {
				lastReport = System.nanoTime();
				System.err.printf(Locale.ROOT, "[load] %d s: %d requests, %d unexpected statuses%n",
						(lastReport - started) / 1_000_000_000L, progress.get(), this.unexpected.get());
			}
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		report(elapsed);
		verify();
		return 0;
	}

	void note(String example) {
		this.unexpected.incrementAndGet();
		if (this.errorExamples.size() < 10) {
			this.errorExamples.add(example);
		}
	}

	// ------------------------------------------------------------------ set-up

	void setUp() throws Exception {
		try (Connection db = DriverManager.getConnection(this.jdbc)) {
			try (PreparedStatement st = db.prepareStatement("""
					select distinct on (m.person_id) m.person_id, m.ward_code
					from workforce.team_membership m join geography.ward w on w.code = m.ward_code
					where w.borough_code = ? and m.role in ('PC', 'DWO', 'PCSO') and m.end_date is null
					order by m.person_id, m.start_date desc""")) {
				st.setString(1, CAMDEN);
				try (ResultSet rs = st.executeQuery()) {
					while (rs.next()) {
						this.camdenOfficers.add(new long[] { rs.getLong(1) });
						this.wardOf.put(rs.getLong(1), rs.getString(2));
					}
				}
			}
			try (PreparedStatement st = db.prepareStatement(
					"select scope_code from identity.user_scope where username = 'sergeant.camden' and scope_type = 'WARD' order by 1")) {
				try (ResultSet rs = st.executeQuery()) {
					if (rs.next()) {
						this.sergeantWard = rs.getString(1);
					}
				}
			}
			try (PreparedStatement st = db.prepareStatement(
					"select max(duty_date) from duties.duty where duty_date >= date '2041-01-01'")) {
				try (ResultSet rs = st.executeQuery()) {
					if (rs.next() && rs.getDate(1) != null) {
						this.firstDutyDay = rs.getDate(1).toLocalDate().plusDays(1);
					}
				}
			}
			try (PreparedStatement st = db.prepareStatement("select code from geography.ward where active order by code")) {
				try (ResultSet rs = st.executeQuery()) {
					while (rs.next()) {
						this.wards.add(rs.getString(1));
					}
				}
			}
		}
		for (long[] officer : this.camdenOfficers) {
			if (!this.wardOf.get(officer[0]).equals(this.sergeantWard)) {
				this.otherWardOfficers.add(officer);
			}
		}
		if (this.camdenOfficers.isEmpty() || this.sergeantWard == null) {
			System.err.println("MixedLoad: no Camden officers or no sergeant ward: is the demo data loaded?");
			System.exit(3);
		}
		HttpResponse<String> forces = get(null, "/police-uk/api/forces");
		this.publicApi = forces.statusCode() == 200;
		System.out.println("INFO set-up: " + this.camdenOfficers.size() + " Camden officers, sergeant ward " + this.sergeantWard
				+ ", " + this.wards.size() + " wards, run " + this.stamp);
	}

	// ------------------------------------------------------------------ the mix

	List<Op> mix() {
		List<Op> mix = new ArrayList<>();
		mix.add(new Op("borough-report", 8, r -> expect(get("analyst",
				"/api/v1/reports/abstraction?month=" + this.month + "&borough=" + pick(r, BOROUGHS)), 200)));
		mix.add(new Op("london-report", 1, r -> expect(get("oversight", "/api/v1/reports/abstraction?month=" + this.month), 200)));
		mix.add(new Op("demand-profile", 8, r -> expect(get("analyst", "/api/v1/demand/profile?borough=" + pick(r, BOROUGHS)),
				200)));
		mix.add(new Op("demand-ranking", 4, r -> expect(get("sergeant.camden", "/api/v1/demand/ranking?borough="
				+ pick(r, BOROUGHS)), 200)));
		mix.add(new Op("deflection-board", 10, r -> expect(get("controller", "/api/v1/deflection/boroughs/" + CAMDEN + "/board"),
				200)));
		mix.add(new Op("wards", 10, r -> expect(get("admin", "/api/v1/wards?borough=" + pick(r, BOROUGHS)), 200)));
		mix.add(new Op("flex-list", 5, r -> expect(get("inspector.camden", "/api/v1/flex-requests?borough=" + CAMDEN), 200)));
		mix.add(new Op("duty-create", 10, this::createDuty));
		mix.add(new Op("flex-draft", 3, this::draftFlex));
		mix.add(new Op("cad-import", 1, this::importCalls));
		if (this.publicApi) {
			mix.add(new Op("public-neighbourhood", 15, r -> expect(get(null, "/police-uk/api/metropolitan/"
					+ this.wards.get(r.nextInt(this.wards.size()))), 200)));
			mix.add(new Op("public-priorities", 10, r -> expect(get(null, "/police-uk/api/metropolitan/"
					+ this.wards.get(r.nextInt(this.wards.size())) + "/priorities"), 200)));
			mix.add(new Op("public-locate", 10, r -> {
				double lat = 51.35 + r.nextDouble() * 0.3;
				double lng = -0.45 + r.nextDouble() * 0.7;
				HttpResponse<String> response = get(null, String.format(Locale.ROOT,
						"/police-uk/api/locate-neighbourhood?q=%.5f,%.5f", lat, lng));
				return expect(response, response.statusCode() == 404 ? 404 : 200);
			}));
		}
		return mix;
	}

	int createDuty(Random random) throws Exception {
		long n = this.dutySeq.getAndIncrement();
		long person = this.camdenOfficers.get((int) (n % this.camdenOfficers.size()))[0];
		LocalDate day = this.firstDutyDay.plusDays(n / this.camdenOfficers.size());
		String body = "{\"personId\":" + person + ",\"kind\":\"PLANNED\",\"date\":\"" + day + "\",\"start\":\"07:00\","
				+ "\"end\":\"15:00\",\"activityCode\":\"SN_WARD\",\"wardCode\":\"" + this.wardOf.get(person) + "\"}";
		HttpResponse<String> response = post("resources.camden", "/api/v1/duties", "application/json", body);
		if (response.statusCode() == 201) {
			this.dutiesCreated.add(id(response.body()));
		}
		return expect(response, 201);
	}

	int draftFlex(Random random) throws Exception {
		long[] officer = this.otherWardOfficers.get(random.nextInt(this.otherWardOfficers.size()));
		LocalDate first = LocalDate.of(2043, 1, 5).plusDays(random.nextInt(300));
		String body = "{\"receivingWard\":\"" + this.sergeantWard + "\",\"problemType\":\"ASB - youth\","
				+ "\"intelligenceSummary\":\"Load test " + this.stamp + ": repeat youth ASB, evenings.\","
				+ "\"aims\":\"Reduce youth ASB.\",\"objectives\":\"Evening patrols.\",\"expectedResults\":\"Fewer calls.\","
				+ "\"problemReference\":\"LOAD-" + this.stamp + "\",\"firstDay\":\"" + first + "\",\"lastDay\":\""
				+ first.plusDays(13) + "\",\"officers\":[{\"personId\":" + officer[0] + ",\"providingWard\":\""
				+ this.wardOf.get(officer[0]) + "\",\"firstDay\":\"" + first + "\",\"lastDay\":\"" + first.plusDays(13)
				+ "\",\"tours\":\"ALL\"}]}";
		HttpResponse<String> response = post("sergeant.camden", "/api/v1/flex-requests", "application/json", body);
		if (response.statusCode() == 201) {
			this.flexCreated.add(id(response.body()));
		}
		return expect(response, 201);
	}

	int importCalls(Random random) throws Exception {
		long n = this.importSeq.getAndIncrement();
		StringBuilder csv = new StringBuilder("reference,received,ward_code,category,grade\n");
		for (int i = 0; i < 100; i++) {
			String ward = this.wards.get(random.nextInt(this.wards.size()));
			csv.append("LOAD-").append(this.stamp).append('-').append(n).append('-').append(i).append(",2042-0")
				.append(1 + random.nextInt(9)).append('-').append(10 + random.nextInt(18)).append(' ')
				.append(10 + random.nextInt(12)).append(":15,").append(ward).append(",ASB - nuisance,S\n");
		}
		HttpResponse<String> response = post("analyst", "/api/v1/imports/cad-calls", "text/csv", csv.toString());
		if (response.statusCode() == 202) {
			Matcher m = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
			if (m.find()) {
				this.importJobs.add(m.group(1));
			}
		}
		if (response.statusCode() == 409 && response.body() != null && response.body().contains("Too many imports are waiting")) {
			this.backPressure.incrementAndGet();
			return response.statusCode();
		}
		return expect(response, 202);
	}

	static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	int expect(HttpResponse<String> response, int expected) {
		if (response.statusCode() != expected) {
			String body = response.body();
			note(response.request().method() + " " + response.request().uri().getPath() + " -> " + response.statusCode() + " "
					+ (body == null ? "" : body.substring(0, Math.min(200, body.length()))));
		}
		return response.statusCode();
	}

	static long id(String json) {
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	// ------------------------------------------------------------------ HTTP

	HttpResponse<String> get(String user, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60)).GET();
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String user, String path, String type, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", basic(user))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	// ------------------------------------------------------------------ results

	void report(double elapsed) {
		List<long[]> all = new ArrayList<>();
		long allErrors = 0;
		for (Map.Entry<String, ConcurrentLinkedQueue<long[]>> e : new TreeMap<>(this.samples).entrySet()) {
			List<long[]> list = new ArrayList<>(e.getValue());
			all.addAll(list);
			long errors = list.stream().filter(s -> s[1] < 0 || s[1] >= 500).count();
			allErrors += errors;
			line(e.getKey(), list, errors);
		}
		line("all", all, allErrors);
		System.out.printf(Locale.ROOT, "THROUGHPUT %.1f%n", all.size() / elapsed);
		System.out.println("RESULT_UNEXPECTED " + this.unexpected.get());
		System.out.println("RESULT_BACKPRESSURE " + this.backPressure.get());
		this.errorExamples.forEach(e -> System.out.println("INFO unexpected: " + e));
	}

	static void line(String name, List<long[]> list, long errors) {
		long[] nanos = list.stream().mapToLong(s -> s[0]).sorted().toArray();
		System.out.printf(Locale.ROOT, "RESULT %s %d %.1f %.1f %.1f %.1f %d%n", name, nanos.length, pct(nanos, 50),
				pct(nanos, 95), pct(nanos, 99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6, errors);
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	// ------------------------------------------------------------------ is everything there?

	void verify() throws Exception {
		// imports still queued or running finish first
		List<String> jobs = new ArrayList<>(this.importJobs);
		long deadline = System.nanoTime() + 300_000_000_000L;
		int succeeded = 0;
		for (String job : jobs) {
			while (true) {
				String body = get("analyst", "/api/v1/imports/" + job).body();
				if (body.contains("\"succeeded\"")) {
					succeeded++;
					break;
				}
				if (body.contains("\"failed\"") || System.nanoTime() > deadline) {
					System.out.println("INFO import job " + job + " did not succeed: " + body.substring(0, Math.min(300, body.length())));
					break;
				}
				Thread.sleep(500);
			}
		}
		try (Connection db = DriverManager.getConnection(this.jdbc)) {
			long duties = count(db, "select count(*) from duties.duty where id = any (?)", this.dutiesCreated);
			verdict("duties", duties == this.dutiesCreated.size(), duties + " of " + this.dutiesCreated.size()
					+ " duties answered 201 are stored");
			long flex = count(db, "select count(*) from flex.request where id = any (?)", this.flexCreated);
			verdict("flex-drafts", flex == this.flexCreated.size(), flex + " of " + this.flexCreated.size()
					+ " flex drafts answered 201 are stored");
			long calls;
			try (PreparedStatement st = db.prepareStatement("select count(*) from demand.call where reference like ?")) {
				st.setString(1, "LOAD-" + this.stamp + "-%");
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					calls = rs.getLong(1);
				}
			}
			verdict("imports", succeeded == jobs.size() && calls == 100L * succeeded, calls + " calls stored for "
					+ succeeded + " of " + jobs.size() + " import jobs accepted (100 calls each)");
		}
	}

	static long count(Connection db, String sql, ConcurrentLinkedQueue<Long> ids) throws Exception {
		try (PreparedStatement st = db.prepareStatement(sql)) {
			st.setArray(1, db.createArrayOf("bigint", ids.toArray()));
			try (ResultSet rs = st.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static void verdict(String name, boolean pass, String detail) {
		System.out.println("VERIFY " + name + " " + (pass ? "PASS" : "FAIL") + " " + detail);
	}

}
