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
 * <li><b>flex</b>: SIGKILL of the application in the middle of a flex authorisation (held, with its
 * transaction open and rows already written, at its audit step by a lock this driver takes): after the
 * restart the request is still presented and no duty of it changed; the retried authorisation
 * succeeds once and changes every duty;</li>
 * <li><b>db</b>: the embedded PostgreSQL stopped (fast shutdown) and started again under a load of
 * duty writes: health reports DOWN, recovers by itself, and every write answered 201 is stored;</li>
 * <li><b>two</b>: a second instance over the same PostgreSQL (the external-database configuration,
 * pointed at the first instance's server): a session made on one is valid on the other (alternating
 * requests with one cookie jar), a concurrent double change of one duty at the same version (one
 * request to each instance at once) gives one 200 and one 409, a flex request authorised on both
 * instances at once is authorised once (one 200, one 409, its duties changed once), and the
 * cluster-wide scheduled job
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
		String only = options.getOrDefault("only", "kill,flex,db,two");
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
		if (only.contains("flex")) {
			one = killDuringFlexAuthorisation(one);
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

	// ------------------------------------------------------------------ (a2) SIGKILL during a flex authorisation

	/** A flex request taken to PRESENTED over rostered tours: one constable of a providing ward for a week. */
	record FlexCase(long id, long officer, String receiving, String providing, LocalDate first, LocalDate last) {
	}

	static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	/**
	 * Rosters every ward-team member of a Camden ward of the demo sergeant (receiving) and of a ward of another
	 * cluster (providing) on 8-hour on-ward tours for the week from {@code first}, drafts a flex of the providing
	 * ward's constable with the most recent posting, and presents it as the demo users would.
	 */
	FlexCase presentedFlex(App app, LocalDate first) throws Exception {
		LocalDate last = first.plusDays(6);
		List<String> sergeantWards = codes(get(app, "sergeant.camden", "/api/v1/me"));
		String inspectorCluster = codes(get(app, "inspector.camden", "/api/v1/me")).get(0);
		String receiving;
		String providing;
		long officer;
		try (Connection c = app.db()) {
			receiving = string(c, "select min(ward_code) from geography.ward_place where cluster_code = ? and ward_code = any(?)",
					inspectorCluster, sergeantWards.toArray(String[]::new));
			providing = string(c, """
					select p.ward_code from geography.ward_place p join workforce.team_membership t on t.ward_code = p.ward_code
					where p.borough_code = 'E09000007' and p.cluster_code <> ? and p.active and t.end_date is null
					group by p.ward_code
					having count(*) filter (where t.role in ('DWO', 'PC')) >= 3 and count(*) filter (where t.role = 'PCSO') >= 1
					order by count(*) filter (where t.role in ('DWO', 'PC')) desc, p.ward_code limit 1""", inspectorCluster);
			if (receiving == null || providing == null) {
				throw new IllegalStateException("no receiving ward (" + receiving + ") or providing ward (" + providing
						+ ") in the demo Camden teams");
			}
			officer = Long.parseLong(string(c, """
					select max(person_id)::text from workforce.team_membership
					where ward_code = ? and role in ('DWO', 'PC') and end_date is null""", providing));
			try (PreparedStatement ps = c.prepareStatement("""
					insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, activity_code, source, changed_by)
					select t.person_id, 'PLANNED', g::date,
					       (g::date + case when t.person_id % 2 = 0 then time '07:00' else time '15:00' end) at time zone 'Europe/London',
					       (g::date + case when t.person_id % 2 = 0 then time '15:00' else time '23:00' end) at time zone 'Europe/London',
					       t.ward_code, 'SN_WARD', 'fault bench', 'bench'
					from workforce.team_membership t
					cross join generate_series(cast(? as date), cast(? as date), interval '1 day') g
					where t.ward_code = any(?) and t.role in ('DWO', 'PC', 'PCSO', 'SERGEANT') and t.end_date is null
					on conflict do nothing""")) {
				ps.setObject(1, first);
				ps.setObject(2, last);
				ps.setArray(3, c.createArrayOf("text", new String[] { receiving, providing }));
				ps.executeUpdate();
			}
		}
		String body = "{\"receivingWard\":\"" + receiving + "\",\"problemType\":\"ASB - youth\","
				+ "\"intelligenceSummary\":\"Repeat youth ASB around the estate, evenings (fault bench).\","
				+ "\"aims\":\"Reduce youth ASB.\",\"objectives\":\"Evening patrols.\",\"expectedResults\":\"Fewer ASB calls.\","
				+ "\"problemReference\":\"PSP-FAULTS\",\"firstDay\":\"" + first + "\",\"lastDay\":\"" + last + "\","
				+ "\"officers\":[{\"personId\":" + officer + ",\"providingWard\":\"" + providing + "\",\"firstDay\":\"" + first
				+ "\",\"lastDay\":\"" + last + "\",\"tours\":\"ALL\"}]}";
		HttpResponse<String> draft = post(app, "sergeant.camden", "/api/v1/flex-requests", body);
		if (draft.statusCode() != 201) {
			throw new IllegalStateException("flex draft answered " + draft.statusCode() + ": " + draft.body());
		}
		long id = jsonLong(draft.body(), "id");
		String dialogues = "[{\"wardCode\":\"" + receiving + "\",\"heldOn\":\"" + first.minusDays(10)
				+ "\",\"summary\":\"Panel told.\"},{\"wardCode\":\"" + providing + "\",\"heldOn\":\"" + first.minusDays(10)
				+ "\",\"summary\":\"Panel told.\"}]";
		step(app, "sergeant.camden", id, "{\"action\":\"SUBMIT\"}", 200);
		step(app, "inspector.camden", id, "{\"action\":\"ESCALATE\"}", 200);
		step(app, "smt.camden", id, "{\"action\":\"APPROVE_WARDS\",\"dialogues\":" + dialogues + "}", 200);
		step(app, "smt.camden", id, "{\"action\":\"PRESENT\",\"meetingDate\":\"" + first.minusDays(7)
				+ "\",\"meetingReference\":\"BTM-FAULTS\"}", 200);
		HttpResponse<String> whatIf = post(app, "supt.camden", "/api/v1/flex-requests/" + id + "/what-if", "{}");
		if (whatIf.statusCode() != 200 || !whatIf.body().replace(" ", "").contains("\"passed\":true")) {
			throw new IllegalStateException("the flex would not pass its checks: " + whatIf.statusCode() + " " + whatIf.body());
		}
		return new FlexCase(id, officer, receiving, providing, first, last);
	}

	/** Flex-coded planned duties of the case's officer in its week, flex assignments and AUTHORISE transitions. */
	long[] flexState(App app, FlexCase flex) throws Exception {
		try (Connection c = app.db()) {
			long flexed = Long.parseLong(string(c, """
					select count(*)::text from duties.duty where person_id = ? and kind = 'PLANNED'
					and duty_date between ? and ? and activity_code = 'FLEX'""", flex.officer(), flex.first(), flex.last()));
			long assignments = Long.parseLong(string(c, "select count(*)::text from duties.flex_assignment where flex_reference = ?",
					"FLEX-" + flex.id()));
			long authorisations = Long.parseLong(string(c,
					"select count(*)::text from flex.transition where request_id = ? and action = 'AUTHORISE'", flex.id()));
			return new long[] { flexed, assignments, authorisations };
		}
	}

	App killDuringFlexAuthorisation(App app) throws Exception {
		log("(a2) SIGKILL during a flex authorisation");
		FlexCase flex = presentedFlex(app, LocalDate.of(2045, 3, 6));
		int days = 7;
		// hold the audit chain's lock: the authorisation writes, then waits at its first audit entry, transaction open
		Connection holder = app.db();
		holder.setAutoCommit(false);
		holder.createStatement().execute("select pg_advisory_xact_lock(hashtext('audit.entry'))");
		CompletableFuture<HttpResponse<String>> sent = HTTP.sendAsync(basic("supt.camden",
				app.url("/api/v1/flex-requests/" + flex.id() + "/transitions")).header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"AUTHORISE\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		boolean heldMidway = false;
		for (int i = 0; i < 300 && !sent.isDone() && !heldMidway; i++) {
			Thread.sleep(100);
			heldMidway = app.sqlLong("""
					select count(*) from pg_stat_activity a join pg_locks l on l.pid = a.pid
					where not l.granted and l.locktype = 'advisory' and a.backend_xid is not null
					  and a.pid <> pg_backend_pid()""") > 0;
		}
		boolean inFlight = !sent.isDone();
		app.kill();
		holder.rollback();
		holder.close();
		log("killed the app during the authorisation of FLEX-" + flex.id() + " (held with rows written: " + heldMidway
				+ ", answer pending: " + inFlight + ")");
		verdict("kill_flex_in_flight", "the kill hit the authorisation with its transaction open and rows written",
				heldMidway && inFlight ? 1 : 0, "", "yes", heldMidway && inFlight,
				heldMidway ? "waiting at its audit entry, transaction id assigned" : "the authorisation was not seen mid-way");
		App again = start("one-after-flex-kill", app.port, app.dataDir, Map.of());
		long[] after = flexState(again, flex);
		String status = jsonString(get(again, "supt.camden", "/api/v1/flex-requests/" + flex.id()), "status");
		boolean none = after[0] == 0 && after[1] == 0 && after[2] == 0 && "PRESENTED".equals(status);
		boolean all = after[0] == days && after[1] == days && after[2] == 1 && "AUTHORISED".equals(status);
		verdict("kill_flex_all_or_none", "duties flexed by the killed authorisation after restart (0 or all)", after[0],
				"duties", "0 or " + days + ", status to match", none || all, "status " + status + ", flex assignments "
						+ after[1] + ", AUTHORISE transitions " + after[2]);
		HttpResponse<String> retry = post(again, "supt.camden", "/api/v1/flex-requests/" + flex.id() + "/transitions",
				"{\"action\":\"AUTHORISE\"}");
		HttpResponse<String> retry2 = post(again, "supt.camden", "/api/v1/flex-requests/" + flex.id() + "/transitions",
				"{\"action\":\"AUTHORISE\"}");
		long[] retried = flexState(again, flex);
		boolean once = (none ? retry.statusCode() == 200 : retry.statusCode() == 409) && retry2.statusCode() == 409
				&& retried[0] == days && retried[1] == days && retried[2] == 1;
		verdict("kill_flex_retry_exactly_once", "duties flexed after the retried authorisation, and after sending it again",
				retried[0], "duties", "= " + days, once, "retry " + retry.statusCode() + ", again " + retry2.statusCode()
						+ ", flex assignments " + retried[1] + ", AUTHORISE transitions " + retried[2]);
		return again;
	}

	/** One flex request authorised on both instances at once, three rounds: one 200 and one 409 a round. */
	void doubleFlexAuthorisation(App one, App two) throws Exception {
		List<Integer> statuses = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			FlexCase flex = presentedFlex(one, LocalDate.of(2045, 5, 1).plusWeeks(2L * round));
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Integer>> both = new ArrayList<>();
			for (App target : List.of(one, two)) {
				both.add(CompletableFuture.supplyAsync(() -> {
					try {
						go.await();
						return post(target, "supt.camden", "/api/v1/flex-requests/" + flex.id() + "/transitions",
								"{\"action\":\"AUTHORISE\"}").statusCode();
					}
					catch (Exception ex) {
						return -1;
					}
				}));
			}
			go.countDown();
			int a = both.get(0).get(120, TimeUnit.SECONDS);
			int b = both.get(1).get(120, TimeUnit.SECONDS);
			statuses.add(a);
			statuses.add(b);
			long[] state = flexState(one, flex);
			if (state[0] != 7 || state[1] != 7 || state[2] != 1) {
				wrong.add("FLEX-" + flex.id() + ": flexed " + state[0] + ", assignments " + state[1] + ", authorisations " + state[2]);
			}
		}
		long twoHundreds = statuses.stream().filter(s -> s == 200).count();
		long conflicts = statuses.stream().filter(s -> s == 409).count();
		verdict("two_concurrent_flex_authorisation", "a flex authorised on both instances at once: 200s (one a round)",
				twoHundreds, "of 6", "3 x 200, 3 x 409, duties changed once", twoHundreds == 3 && conflicts == 3 && wrong.isEmpty(),
				"statuses " + statuses + (wrong.isEmpty() ? ", each flex's 7 duties changed once" : ", " + wrong));
	}

	static List<String> codes(String json) {
		List<String> codes = new ArrayList<>();
		Matcher m = CODE.matcher(json);
		while (m.find()) {
			codes.add(m.group(1));
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException("no scope codes in " + json);
		}
		return codes;
	}

	static String string(Connection c, String sql, Object... params) throws Exception {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				if (params[i] instanceof String[] array) {
					ps.setArray(i + 1, c.createArrayOf("text", array));
				}
				else {
					ps.setObject(i + 1, params[i]);
				}
			}
			try (ResultSet r = ps.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}

	static String get(App app, String user, String path) throws Exception {
		HttpResponse<String> res = HTTP.send(basic(user, app.url(path)).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (res.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " as " + user + " answered " + res.statusCode() + ": " + res.body());
		}
		return res.body();
	}

	static HttpResponse<String> post(App app, String user, String path, String json) throws Exception {
		return HTTP.send(basic(user, app.url(path)).header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static void step(App app, String user, long id, String json, int expected) throws Exception {
		HttpResponse<String> res = post(app, user, "/api/v1/flex-requests/" + id + "/transitions", json);
		if (res.statusCode() != expected) {
			throw new IllegalStateException(user + " " + json + " on FLEX-" + id + " answered " + res.statusCode() + ": "
					+ res.body());
		}
	}

	static String jsonString(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json == null ? "" : json);
		return m.find() ? m.group(1) : null;
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

		doubleFlexAuthorisation(one, two);

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
