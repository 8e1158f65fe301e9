import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fault tests of Ringfence with PASS/FAIL verdicts (issue 8, faults), run by {@code bench/faults}:
 * <ol>
 * <li><b>kill</b>: SIGKILL of the application in the middle of a large duty import; after the
 * restart the database holds all or none of it, and the retried import completes exactly once;</li>
 * <li><b>db</b>: the embedded PostgreSQL stopped (fast shutdown) and started again under a load of
 * duty writes: health reports DOWN, recovers by itself, and every write answered 201 is stored;</li>
 * <li><b>two</b>: a second instance over the same PostgreSQL (the external-database configuration,
 * pointed at the first instance's server): a session made on one is valid on the other (alternating
 * requests with one cookie jar), a concurrent double change of one duty at the same version (one
 * request to each instance at once) gives one 200 and one 409, and the cluster-wide scheduled job
 * (marking abandoned import jobs failed) acts once for both instances.</li>
 * </ol>
 * JDK only plus the PostgreSQL JDBC driver on the class path (to count rows by SQL). Writes a JSON
 * result in the format of the other benchmarks. Exit status 0 when every verdict is PASS, 1 when one
 * FAILS, 2 when the run could not be made.
 */
public class FaultBench {

	static final String PASSWORD = System.getenv().getOrDefault("BENCH_PASSWORD", "demo-password");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Path jar;

	final Path work;

	final Path results;

	final int importRows;

	final int startTimeout;

	final List<Map<String, Object>> figures = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	final List<App> apps = new CopyOnWriteArrayList<>();

	FaultBench(Path jar, Path work, Path results, int importRows, int startTimeout) {
		this.jar = jar;
		this.work = work;
		this.results = results;
		this.importRows = importRows;
		this.startTimeout = startTimeout;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Path jar = Path.of(options.getOrDefault("jar", "target/ringfence.jar")).toAbsolutePath();
		Path work = Path.of(options.getOrDefault("work", Files.createTempDirectory("ringfence-faults").toString()));
		Path results = Path.of(options.getOrDefault("results", "bench/results"));
		int rows = Integer.parseInt(options.getOrDefault("rows", "200000"));
		int startTimeout = Integer.parseInt(options.getOrDefault("start-timeout", "300"));
		String only = options.getOrDefault("only", "kill,db,two");
		FaultBench bench = new FaultBench(jar, work, results, rows, startTimeout);
		Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
		int rc;
		try {
			rc = bench.run(Set.of(only.split(",")));
		}
		catch (Exception ex) {
			ex.printStackTrace();
			bench.verdict("run", "the fault run itself", 0, "", "completed", false, "could not run: " + ex);
			rc = 2;
		}
		finally {
			bench.stopAll();
		}
		bench.writeResults();
		System.exit(rc);
	}

	int run(Set<String> only) throws Exception {
		Path data = this.work.resolve("data");
		App one = start("one", freePort(), data, Map.of());
		if (only.contains("kill")) {
			one = killDuringImport(one);
		}
		if (only.contains("db")) {
			databaseRestartUnderLoad(one);
		}
		if (only.contains("two")) {
			twoInstances(one);
		}
		boolean failed = this.figures.stream().anyMatch(f -> "FAIL".equals(f.get("verdict")));
		return failed ? 1 : 0;
	}

	// ------------------------------------------------------------------ (a) SIGKILL during an import

	App killDuringImport(App app) throws Exception {
		log("(a) SIGKILL during a duty import of " + this.importRows + " rows");
		String csv = dutyFile(app, this.importRows, LocalDate.of(2040, 1, 1));
		byte[] body = csv.getBytes(StandardCharsets.UTF_8);
		String count = "select count(*) from duties.duty where duty_date >= date '2040-01-01' and duty_date < date '2041-01-01'";
		long before = app.sqlLong(count);
		long t0 = System.nanoTime();
		CompletableFuture<HttpResponse<String>> sent = HTTP.sendAsync(basic("admin", app.url("/api/v1/imports/duties"))
			.header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		// wait until the import is at work in the database (its statement is active), then a little more
		boolean active = false;
		for (int i = 0; i < 300 && !sent.isDone(); i++) {
			if (app.sqlLong("select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() "
					+ "and query ilike '%duties.duty%'") > 0) {
				active = true;
				break;
			}
			Thread.sleep(100);
		}
		Thread.sleep(1500);
		boolean inFlight = !sent.isDone();
		double killedAfter = (System.nanoTime() - t0) / 1e9;
		app.kill();
		log(String.format("killed the app %.1f s after sending (import statement seen active: %s, answer pending: %s)",
				killedAfter, active, inFlight));
		verdict("kill_import_in_flight", "the kill hit the import mid-way (no answer yet)", inFlight ? 1 : 0, "", "yes",
				inFlight, inFlight ? "killed " + String.format("%.1f s", killedAfter) + " after sending"
						: "the import answered before the kill: raise --rows");
		App again = start("one-after-kill", app.port, app.dataDir, Map.of());
		long after = again.sqlLong(count) - before;
		boolean allOrNone = after == 0 || after == this.importRows;
		verdict("kill_import_all_or_none", "rows of the killed import stored after restart (0 or all)", after, "rows",
				"0 or " + this.importRows, allOrNone, after == 0 ? "none (rolled back)" : after + " stored");
		HttpResponse<String> retry = HTTP.send(basic("admin", again.url("/api/v1/imports/duties"))
			.header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		long afterRetry = again.sqlLong(count) - before;
		HttpResponse<String> retry2 = HTTP.send(basic("admin", again.url("/api/v1/imports/duties"))
			.header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		long afterRetry2 = again.sqlLong(count) - before;
		boolean once = retry.statusCode() == 200 && retry2.statusCode() == 200 && afterRetry == this.importRows
				&& afterRetry2 == this.importRows;
		verdict("kill_import_retry_exactly_once", "rows after the retry, and after sending it once more", afterRetry2, "rows",
				"= " + this.importRows, once, "retry " + retry.statusCode() + " stored " + jsonLong(retry.body(), "stored")
						+ ", again " + retry2.statusCode() + " unchanged " + jsonLong(retry2.body(), "unchanged"));
		return again;
	}

	/** A valid duty file: people posted to ward teams, consecutive days of 07:00-15:00 tours on their ward. */
	String dutyFile(App app, int rows, LocalDate first) throws Exception {
		List<String[]> people = new ArrayList<>();
		try (Connection c = app.db(); PreparedStatement s = c.prepareStatement("""
				select p.service_number, po.ward_code from workforce.person p
				join workforce.posting po on po.person_id = p.id
				where po.ward_code is not null and po.start_date <= current_date
				  and (po.end_date is null or po.end_date > current_date)
				order by p.id""")) {
			ResultSet r = s.executeQuery();
			while (r.next()) {
				people.add(new String[] { r.getString(1), r.getString(2) });
			}
		}
		if (people.isEmpty()) {
			throw new IllegalStateException("no people posted to ward teams: is the demo data loaded?");
		}
		StringBuilder csv = new StringBuilder(rows * 64).append("service_number,kind,date,start,end,ward_code,place,activity_code\n");
		int perPerson = (rows + people.size() - 1) / people.size();
		int written = 0;
		for (String[] person : people) {
			for (int day = 0; day < perPerson && written < rows; day++, written++) {
				csv.append(person[0]).append(",PLANNED,").append(first.plusDays(day)).append(",07:00,15:00,")
					.append(person[1]).append(",,SN_WARD\n");
			}
		}
		return csv.toString();
	}

	// ------------------------------------------------------------------ (b) the database stopped and started under load

	void databaseRestartUnderLoad(App app) throws Exception {
		log("(b) PostgreSQL stopped and started again under a load of duty writes");
		List<long[]> people = new ArrayList<>();
		try (Connection c = app.db(); PreparedStatement s = c.prepareStatement("""
				select p.id, 0 from workforce.person p join workforce.posting po on po.person_id = p.id
				where po.ward_code is not null and po.start_date <= current_date
				  and (po.end_date is null or po.end_date > current_date) order by p.id desc limit 4""")) {
			ResultSet r = s.executeQuery();
			while (r.next()) {
				people.add(new long[] { r.getLong(1) });
			}
		}
		AtomicBoolean running = new AtomicBoolean(true);
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger attempts = new AtomicInteger();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < people.size(); w++) {
			long person = people.get(w)[0];
			Thread writer = new Thread(() -> {
				LocalDate day = LocalDate.of(2041, 1, 1);
				while (running.get()) {
					String json = "{\"personId\":" + person + ",\"kind\":\"PLANNED\",\"date\":\"" + day
							+ "\",\"start\":\"07:00\",\"end\":\"15:00\",\"place\":\"fault test\",\"activityCode\":\"TRAIN\"}";
					attempts.incrementAndGet();
					try {
						HttpResponse<String> res = HTTP.send(basic("admin", app.url("/api/v1/duties"))
							.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
						if (res.statusCode() == 201) {
							acknowledged.add(jsonLong(res.body(), "id"));
							day = day.plusDays(1);
						}
						else {
							failures.incrementAndGet();
							if (res.statusCode() == 422) {
								day = day.plusDays(1); // stored though its answer was lost: not acknowledged, move on
							}
							Thread.sleep(50);
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
						try {
							Thread.sleep(50);
						}
						catch (InterruptedException ie) {
							return;
						}
					}
				}
			}, "writer-" + w);
			writers.add(writer);
			writer.start();
		}
		List<String> healthLog = new CopyOnWriteArrayList<>();
		AtomicBoolean sawDown = new AtomicBoolean();
		AtomicBoolean upAgain = new AtomicBoolean();
		AtomicBoolean restarted = new AtomicBoolean();
		long[] upAgainAt = new long[1];
		Thread health = new Thread(() -> {
			while (running.get()) {
				String state;
				try {
					HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(app.url("/actuator/health"))
						.timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
					state = res.statusCode() + " " + (res.body().contains("\"UP\"") ? "UP" : res.body().contains("DOWN") ? "DOWN" : "?");
				}
				catch (Exception ex) {
					state = "no answer";
				}
				if (healthLog.isEmpty() || !healthLog.get(healthLog.size() - 1).endsWith(state)) {
					healthLog.add(Instant.now() + " " + state);
				}
				if (state.endsWith("DOWN")) {
					sawDown.set(true);
				}
				if (restarted.get() && state.equals("200 UP") && !upAgain.get()) {
					upAgain.set(true);
					upAgainAt[0] = System.nanoTime();
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "health");
		health.start();
		Thread.sleep(4000);
		int before = acknowledged.size();
		PgServer pg = PgServer.of(app.dataDir.resolve("postgres"));
		log("stopping PostgreSQL (pid " + pg.pid + ", fast shutdown) after " + before + " acknowledged writes");
		pg.stop();
		Thread.sleep(6000);
		log("starting PostgreSQL again");
		pg.start(this.work.resolve("postgres-restarted.log"));
		long restartedAt = System.nanoTime();
		restarted.set(true);
		for (int i = 0; i < 600 && !upAgain.get(); i++) {
			Thread.sleep(100);
		}
		Thread.sleep(4000);
		running.set(false);
		for (Thread writer : writers) {
			writer.join(40_000);
		}
		health.join(5000);
		log("health: " + String.join(" | ", healthLog));
		double recovery = upAgain.get() ? (upAgainAt[0] - restartedAt) / 1e9 : -1;
		verdict("db_health_down", "health DOWN while PostgreSQL is stopped", sawDown.get() ? 1 : 0, "", "DOWN seen",
				sawDown.get(), String.join(" | ", healthLog));
		verdict("db_health_recovers_s", "health UP again after PostgreSQL is back, by itself", recovery, "s", "<= 60 s",
				upAgain.get() && recovery <= 60, upAgain.get() ? "" : "never UP again");
		long stored = 0;
		if (!acknowledged.isEmpty()) {
			try (Connection c = app.db(); PreparedStatement s = c.prepareStatement(
					"select count(*) from duties.duty where id = any(?)")) {
				s.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
				ResultSet r = s.executeQuery();
				r.next();
				stored = r.getLong(1);
			}
		}
		int afterOutage = acknowledged.size() - before;
		verdict("db_no_acknowledged_write_lost", "writes answered 201 that are stored", stored, "writes",
				"= " + acknowledged.size(), stored == acknowledged.size() && afterOutage > 0,
				acknowledged.size() + " acknowledged (" + afterOutage + " after the stop), " + failures.get()
						+ " refused or failed of " + attempts.get());
	}

	// ------------------------------------------------------------------ (c) two instances over one database

	void twoInstances(App one) throws Exception {
		log("(c) a second instance over the same PostgreSQL");
		int pgPort = PgServer.of(one.dataDir.resolve("postgres")).port;
		Map<String, String> external = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
				"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres");
		App two = start("two", freePort(), this.work.resolve("data-two"), external);
		two.dbPort = pgPort;

		// sessions: sign in on one, then alternate requests between the two with the same cookie jar
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
		String loginPage = browser.send(HttpRequest.newBuilder(one.url("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"").matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=supt.camden&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(one.url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		boolean signedIn = login.statusCode() == 302 && !login.headers().firstValue("Location").orElse("").contains("error");
		int ok = 0;
		int asked = 0;
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			App target = i % 2 == 0 ? two : one;
			String path = i % 4 < 2 ? "/api/v1/me" : "/boroughs/E09000007";
			HttpResponse<String> res = browser.send(HttpRequest.newBuilder(target.url(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			asked++;
			boolean good = res.statusCode() == 200 && (!path.startsWith("/api") || res.body().contains("supt.camden"));
			if (good) {
				ok++;
			}
			else if (seen.size() < 3) {
				seen.add(target.name + " " + path + " -> " + res.statusCode());
			}
		}
		verdict("two_sessions_survive_switching", "requests answered as the signed-in user, alternating instances", ok,
				"of " + asked, "all", signedIn && ok == asked, signedIn ? String.join("; ", seen) : "sign-in failed: " + login.statusCode());

		// a concurrent double change of one duty at the same version: one 200, one 409
		long personId;
		try (Connection c = one.db(); PreparedStatement s = c.prepareStatement("""
				select p.id from workforce.person p join workforce.posting po on po.person_id = p.id
				where po.ward_code is not null and po.start_date <= current_date
				  and (po.end_date is null or po.end_date > current_date) order by p.id limit 1""")) {
			ResultSet r = s.executeQuery();
			r.next();
			personId = r.getLong(1);
		}
		String duty = "{\"personId\":" + personId + ",\"kind\":\"PLANNED\",\"date\":\"2042-03-02\",\"start\":\"07:00\","
				+ "\"end\":\"15:00\",\"place\":\"two instances\",\"activityCode\":\"TRAIN\"}";
		HttpResponse<String> created = HTTP.send(basic("admin", one.url("/api/v1/duties"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(duty)).build(),
				HttpResponse.BodyHandlers.ofString());
		long dutyId = jsonLong(created.body(), "id");
		long version = jsonLong(created.body(), "version");
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		for (int round = 0; round < 5; round++) {
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Integer>> both = new ArrayList<>();
			for (App target : List.of(one, two)) {
				String change = "{\"version\":" + version + ",\"duty\":" + duty.replace("07:00", "0" + (round % 3 + 7) + ":"
						+ (target == one ? "00" : "30")) + "}";
				both.add(CompletableFuture.supplyAsync(() -> {
					try {
						go.await();
						return HTTP.send(basic("admin", target.url("/api/v1/duties/" + dutyId))
							.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(change))
							.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
					}
					catch (Exception ex) {
						return -1;
					}
				}));
			}
			go.countDown();
			int a = both.get(0).get(60, TimeUnit.SECONDS);
			int b = both.get(1).get(60, TimeUnit.SECONDS);
			statuses.add(a);
			statuses.add(b);
			version++;
		}
		long twoHundreds = statuses.stream().filter(s -> s == 200).count();
		long conflicts = statuses.stream().filter(s -> s == 409).count();
		long finalVersion = one.sqlLong("select version from duties.duty where id = " + dutyId);
		boolean oneWins = created.statusCode() == 201 && twoHundreds == 5 && conflicts == 5 && finalVersion == version;
		verdict("two_concurrent_double_change", "concurrent changes at one version on both instances: 200s (one a round)",
				twoHundreds, "of 10", "5 x 200, 5 x 409", oneWins, "statuses " + statuses + ", version " + finalVersion);

		// scheduled jobs: an abandoned import job (its instance gone) is marked failed by one instance only
		try (Connection c = one.db(); PreparedStatement s = c.prepareStatement("""
				insert into demand.import_job (id, kind, status, files, submitted_by, started_at, heartbeat_at, instance_id)
				values (gen_random_uuid(), 'cad-calls', 'running', '[]', 'fault-bench', now() - interval '1 hour',
				        now() - interval '1 hour', 'gone-instance')""")) {
			s.executeUpdate();
		}
		long sweepStart = System.nanoTime();
		long left = 1;
		while (left > 0 && System.nanoTime() - sweepStart < 45e9) {
			Thread.sleep(1000);
			left = one.sqlLong("select count(*) from demand.import_job where instance_id = 'gone-instance' and status = 'running'");
		}
		Thread.sleep(32_000); // both instances sweep every 30 s: let the other one have its turn too
		int marked = 0;
		for (App app : List.of(one, two)) {
			for (String line : Files.readAllLines(app.log)) {
				Matcher m = Pattern.compile("Marked (\\d+) abandoned import job").matcher(line);
				if (m.find()) {
					marked += Integer.parseInt(m.group(1));
				}
			}
		}
		long failedJobs = one.sqlLong("select count(*) from demand.import_job where instance_id = 'gone-instance' and status = 'failed'");
		verdict("two_scheduled_sweep_once", "abandoned-job sweeps that acted, over both instances' logs", marked, "jobs",
				"= 1", left == 0 && marked == 1 && failedJobs == 1,
				"the sweep's UPDATE ... FOR UPDATE SKIP LOCKED lets one instance take each job; "
						+ "the per-instance heartbeat job is per instance by design");
		two.stop();
	}

	// ------------------------------------------------------------------ the application and its database

	App start(String name, int port, Path dataDir, Map<String, String> env) throws Exception {
		Path logFile = this.work.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String opts = System.getenv().getOrDefault("JAVA_OPTS", "");
		if (!opts.isBlank()) {
			command.addAll(List.of(opts.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", this.jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectErrorStream(true).redirectOutput(logFile.toFile());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("RINGFENCE_DATA_DIR", dataDir.toString());
		builder.environment().put("RINGFENCE_DEMO_DUTIES", "false");
		builder.environment().put("RINGFENCE_DEMO_CALLS", "false");
		builder.environment().putAll(env);
		log("starting " + name + " on port " + port + (env.isEmpty() ? ", embedded PostgreSQL in " + dataDir : ", external PostgreSQL"));
		long t0 = System.nanoTime();
		App app = new App(name, port, dataDir, logFile, builder.start());
		this.apps.add(app);
		long deadline = System.nanoTime() + this.startTimeout * 1_000_000_000L;
		while (true) {
			if (!app.process.isAlive()) {
				throw new IllegalStateException(name + " exited during start; see " + logFile);
			}
			if (app.ready()) {
				break;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " not ready within " + this.startTimeout + " s; see " + logFile);
			}
			Thread.sleep(250);
		}
		log(String.format("%s ready in %.1f s", name, (System.nanoTime() - t0) / 1e9));
		return app;
	}

	void stopAll() {
		for (App app : this.apps) {
			app.stop();
		}
		this.apps.clear();
	}

	final class App {

		final String name;

		final int port;

		final Path dataDir;

		final Path log;

		final Process process;

		int dbPort;

		App(String name, int port, Path dataDir, Path log, Process process) {
			this.name = name;
			this.port = port;
			this.dataDir = dataDir;
			this.log = log;
			this.process = process;
		}

		URI url(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		boolean ready() {
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(url("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 404) {
					health = HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(2)).GET()
						.build(), HttpResponse.BodyHandlers.ofString());
				}
				return health.statusCode() == 200 && health.body().contains("\"UP\"")
						&& Files.readString(this.log).contains("Startup data checked");
			}
			catch (Exception ex) {
				return false;
			}
		}

		Connection db() throws Exception {
			int pgPort = this.dbPort > 0 ? this.dbPort : PgServer.of(this.dataDir.resolve("postgres")).port;
			return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "postgres");
		}

		long sqlLong(String sql) throws Exception {
			try (Connection c = db(); ResultSet r = c.createStatement().executeQuery(sql)) {
				r.next();
				return r.getLong(1);
			}
		}

		/** SIGKILL (Process.destroyForcibly on Linux); its PostgreSQL server keeps running, as after a crash. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
			FaultBench.this.apps.remove(this);
		}

		/** SIGTERM, then SIGKILL after 60 s; then a PostgreSQL server left in its data directory. */
		void stop() {
			try {
				this.process.destroy();
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
					this.process.waitFor(10, TimeUnit.SECONDS);
				}
				Path pgData = this.dataDir.resolve("postgres");
				if (Files.exists(pgData.resolve("postmaster.pid"))) {
					PgServer.of(pgData).stop();
				}
			}
			catch (Exception ex) {
				FaultBench.log("could not stop " + this.name + ": " + ex);
			}
			FaultBench.this.apps.remove(this);
		}

	}

	/** The PostgreSQL server running in a data directory: its pid, port, command line and environment. */
	record PgServer(Path dataDir, long pid, int port, List<String> command, Map<String, String> env) {

		static PgServer of(Path dataDir) throws IOException {
			List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			long pid = Long.parseLong(pidFile.get(0).trim());
			int port = Integer.parseInt(pidFile.get(3).trim());
			List<String> command = new ArrayList<>();
			Map<String, String> env = new LinkedHashMap<>();
			Path proc = Path.of("/proc", Long.toString(pid));
			if (Files.exists(proc)) {
				for (String arg : new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0")) {
					command.add(arg);
				}
				for (String var : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
					int eq = var.indexOf('=');
					if (eq > 0) {
						env.put(var.substring(0, eq), var.substring(eq + 1));
					}
				}
			}
			return new PgServer(dataDir, pid, port, command, env);
		}

		/** Fast shutdown (SIGINT), as pg_ctl stop -m fast; SIGKILL after 30 s. */
		void stop() throws Exception {
			ProcessHandle handle = ProcessHandle.of(this.pid).orElse(null);
			if (handle == null) {
				return;
			}
			new ProcessBuilder("kill", "-INT", Long.toString(this.pid)).start().waitFor();
			try {
				handle.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}

		/** The same server again: same binary, data directory, port and settings. */
		void start(Path log) throws Exception {
			if (this.command.isEmpty()) {
				throw new IllegalStateException("the PostgreSQL command line was not read");
			}
			List<String> command = new ArrayList<>(this.command);
			if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
				// PostgreSQL refuses to run as root; zonky starts it in a user namespace (unshare -U) then, and so do we
				command.addAll(0, List.of("/usr/bin/unshare", "-U"));
			}
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().clear();
			builder.environment().putAll(this.env);
			builder.start();
		}

	}

	// ------------------------------------------------------------------ verdicts, results

	void verdict(String key, String figure, double value, String unit, String target, boolean pass, String detail) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("key", key);
		f.put("figure", figure);
		f.put("value", value);
		f.put("unit", unit);
		f.put("reference", null);
		f.put("ref_value", null);
		f.put("ratio", null);
		f.put("target", target);
		f.put("target_value", null);
		f.put("verdict", pass ? "PASS" : "FAIL");
		f.put("detail", detail);
		this.figures.add(f);
		System.out.printf("%-4s %-34s %s %s (target %s)%s%n", pass ? "PASS" : "FAIL", key, fmt(value), unit, target,
				detail == null || detail.isBlank() ? "" : " - " + detail);
	}

	static String fmt(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
	}

	void writeResults() {
		try {
			Files.createDirectories(this.results);
			String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
			StringBuilder json = new StringBuilder("{\n");
			json.append("  \"benchmark\": \"faults\",\n");
			json.append("  \"timestamp\": ").append(str(stamp)).append(",\n");
			json.append("  \"host\": {\"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(", \"java\": ")
				.append(str(System.getProperty("java.version"))).append("},\n");
			json.append("  \"jar\": ").append(str(this.jar.toString())).append(",\n");
			json.append("  \"git_commit\": ").append(str(System.getenv().getOrDefault("GIT_COMMIT", "unknown"))).append(",\n");
			json.append("  \"import_rows\": ").append(this.importRows).append(",\n");
			json.append("  \"figures\": [\n");
			for (int i = 0; i < this.figures.size(); i++) {
				json.append("    {");
				int k = 0;
				for (Map.Entry<String, Object> e : this.figures.get(i).entrySet()) {
					json.append(k++ > 0 ? ", " : "").append(str(e.getKey())).append(": ").append(value(e.getValue()));
				}
				json.append("}").append(i + 1 < this.figures.size() ? "," : "").append("\n");
			}
			json.append("  ]\n}\n");
			Path file = this.results.resolve("faults-" + stamp + ".json");
			Files.writeString(file, json);
			System.out.println("Results: " + file);
		}
		catch (IOException ex) {
			log("could not write the results: " + ex);
		}
	}

	static String value(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Number n) {
			double d = n.doubleValue();
			return Double.isFinite(d) ? fmt(d) : "null";
		}
		return str(value.toString());
	}

	static String str(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	// ------------------------------------------------------------------ helpers

	static HttpRequest.Builder basic(String user, URI uri) {
		return HttpRequest.newBuilder(uri).header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	static long jsonLong(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json == null ? "" : json);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void log(String message) {
		System.err.printf("[faults %s] %s%n", DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
			.format(Instant.now()), message);
	}

}
