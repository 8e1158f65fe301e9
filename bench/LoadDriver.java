import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the Ringfence benchmark. Single file, JDK only; run it with
 *
 * <pre>
 * java bench/LoadDriver.java --base http://127.0.0.1:8080 [options]
 * </pre>
 *
 * Logs in once with the form login (so bcrypt is paid once, not per request), then for every
 * scenario runs a warm-up and then C concurrent clients (threads, each sending synchronously)
 * sharing the requests of the scenario, recording the latency of every request in nanoseconds.
 *
 * Machine-readable output (one line per scenario, fields separated by one space):
 *
 * <pre>
 * RESULT name clients requests p50_ms p95_ms p99_ms max_ms rps errors
 * </pre>
 *
 * plus {@code AUTH form|basic}, {@code CHECK ...}, {@code STATUS ...} and {@code WARNING ...}
 * lines for people. Exit status: 0 when every scenario ran (even with errors counted), 2 on bad
 * arguments, 3 when the app cannot be reached or logged in to.
 */
public class LoadDriver {

	static final String[] BOROUGHS = { "E09000007", "E09000012", "E09000033", "E09000028", "E09000022" };

	// Options
	String base = "http://127.0.0.1:8080";
	String user = "admin";
	String password = "demo-password";
	String auth = "auto"; // form | basic | auto (form, falling back to basic with a warning)
	int warmup = 500; // requests per scenario before measuring
	int globalWarmup = 2000; // requests over all endpoints before the first scenario
	int requests = 4000; // measured requests per scenario, shared by its clients
	int maxSeconds = 60; // measured phase of a scenario stops after this
	int timeoutSeconds = 10; // per request
	String scenarios = "me:20,wards:20,locate:20,me:1,locate:1";
	int gridSteps = 40; // locate grid is gridSteps x gridSteps points
	int rounds = 4; // scenarios take turns: each runs requests/rounds requests per round

	HttpClient client;
	long phases; // phases run so far: each starts at another place in the points and boroughs
	final Map<String, String> cookies = new LinkedHashMap<>();
	String authHeader; // when using HTTP Basic
	List<String> locatePoints;

	public static void main(String[] args) throws Exception {
		LoadDriver driver = new LoadDriver();
		try {
			driver.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("LoadDriver: " + ex.getMessage());
			usage();
			System.exit(2);
		}
		System.exit(driver.run());
	}

	static void usage() {
		System.err.println("""
				usage: java bench/LoadDriver.java [--base URL] [--user NAME] [--password PW] [--auth form|basic|auto]
				         [--scenarios me:20,wards:20,locate:20,me:1,locate:1] [--requests N] [--warmup N]
				         [--global-warmup N] [--rounds N] [--max-seconds S] [--timeout S] [--grid N]
				  scenario names: health (floor: /actuator/health without login), me (reference: auth, session,
				  serialisation), wards (wards?borough=, 5 boroughs),
				  locate (grid of points over lat 51.30..51.68, lng -0.50..0.30; 404 counts as success)""");
	}

	void parse(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (a.equals("-h") || a.equals("--help")) {
				usage();
				System.exit(0);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + a);
			}
			String v = args[++i];
			switch (a) {
				case "--base" -> this.base = v.replaceAll("/+$", "");
				case "--user" -> this.user = v;
				case "--password" -> this.password = v;
				case "--auth" -> {
					if (!Set.of("form", "basic", "auto").contains(v)) {
						throw new IllegalArgumentException("--auth must be form, basic or auto");
					}
					this.auth = v;
				}
				case "--scenarios" -> this.scenarios = v;
				case "--requests" -> this.requests = positive(a, v);
				case "--warmup" -> this.warmup = nonNegative(a, v);
				case "--global-warmup" -> this.globalWarmup = nonNegative(a, v);
				case "--max-seconds" -> this.maxSeconds = positive(a, v);
				case "--timeout" -> this.timeoutSeconds = positive(a, v);
				case "--grid" -> this.gridSteps = positive(a, v);
				case "--rounds" -> this.rounds = positive(a, v);
				default -> throw new IllegalArgumentException("unknown option " + a);
			}
		}
	}

	static int positive(String name, String v) {
		int n = nonNegative(name, v);
		if (n == 0) {
			throw new IllegalArgumentException(name + " must be > 0");
		}
		return n;
	}

	static int nonNegative(String name, String v) {
		try {
			int n = Integer.parseInt(v);
			if (n < 0) {
				throw new IllegalArgumentException(name + " must be >= 0");
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " needs a number, not " + v);
		}
	}

	/**
	 * A scenario: what to request, how many clients, and their pace. paceMillis 0 is a closed loop
	 * (each client sends its next request as soon as the last is answered: saturation, measuring
	 * queueing as much as service); paceMillis P means each client sends one request every P ms
	 * (an open schedule), and latency counts from the scheduled time, so a late start counts too.
	 */
	record Scenario(String kind, int clients, int paceMillis) {
		String label() {
			return this.kind + "-c" + this.clients + (this.paceMillis > 0 ? "-p" + this.paceMillis : "");
		}
	}

	List<Scenario> scenarioList() {
		List<Scenario> list = new ArrayList<>();
		for (String part : this.scenarios.split(",")) {
			String[] kc = part.trim().split(":");
			String kind = kc[0];
			if (!Set.of("health", "me", "wards", "locate").contains(kind)) {
				throw new IllegalArgumentException("unknown scenario " + kind);
			}
			int clients = kc.length > 1 ? positive("clients of " + kind, kc[1]) : 20;
			int pace = kc.length > 2 ? positive("pace of " + kind, kc[2].replaceFirst("^p", "")) : 0;
			list.add(new Scenario(kind, clients, pace));
		}
		return list;
	}

	int run() throws Exception {
		List<Scenario> list;
		try {
			list = scenarioList();
		}
		catch (IllegalArgumentException ex) {
			System.err.println("LoadDriver: " + ex.getMessage());
			return 2;
		}
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.locatePoints = grid(this.gridSteps);

		if (!login()) {
			return 3;
		}
		if (!checks()) {
			return 3;
		}

		if (this.globalWarmup > 0) {
			info("warm-up: " + this.globalWarmup + " requests over me, wards, locate with 20 clients");
			for (String kind : List.of("me", "wards", "locate")) {
				runPhase(new Scenario(kind, 20, 0), this.globalWarmup / 3, 0, null);
			}
		}

		// Scenarios take turns over several rounds, so a slow patch of the (shared, noisy) machine
		// hits a figure and its reference alike instead of only whichever ran at that moment.
		Map<Scenario, Result> results = new LinkedHashMap<>();
		for (Scenario scenario : list) {
			results.put(scenario, new Result(scenario));
		}
		int perRound = Math.max(1, this.requests / this.rounds);
		for (int round = 1; round <= this.rounds; round++) {
			info("round " + round + " of " + this.rounds + ": " + perRound + " requests per scenario");
			for (Scenario scenario : list) {
				int warm = round == 1 ? this.warmup : Math.min(this.warmup, Math.max(100, 5 * scenario.clients()));
				if (warm > 0) {
					runPhase(scenario, warm, 0, null);
				}
				runPhase(scenario, perRound, this.maxSeconds, results.get(scenario));
			}
		}
		System.out.println("# RESULT name clients requests p50_ms p95_ms p99_ms max_ms rps errors");
		for (Result result : results.values()) {
			result.print();
		}
		return 0;
	}

	// ---------------------------------------------------------------- login

	boolean login() {
		if (!this.auth.equals("basic")) {
			try {
				String failure = formLogin();
				if (failure == null) {
					System.out.println("AUTH form (session cookie)");
					return true;
				}
				if (this.auth.equals("form")) {
					System.err.println("LoadDriver: form login failed: " + failure);
					return false;
				}
				System.out.println("WARNING form login failed (" + failure + "); falling back to HTTP Basic, "
						+ "every request now pays bcrypt (~70 ms): latencies are NOT comparable to the targets");
			}
			catch (IOException ex) {
				System.err.println("LoadDriver: cannot reach " + this.base + ": " + ex);
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		this.cookies.clear();
		this.authHeader = "Basic " + Base64.getEncoder()
			.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<byte[]> me = get("/api/v1/me");
			if (me.statusCode() != 200) {
				System.err.println("LoadDriver: HTTP Basic as " + this.user + " gets " + me.statusCode()
						+ " from /api/v1/me: " + snippet(me.body()));
				return false;
			}
		}
		catch (Exception ex) {
			System.err.println("LoadDriver: cannot reach " + this.base + ": " + ex);
			return false;
		}
		System.out.println("AUTH basic (every request checks the password)");
		return true;
	}

	/** @return null when logged in, else why not */
	String formLogin() throws IOException, InterruptedException {
		HttpResponse<byte[]> page = this.client.send(request("/login").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		remember(page.headers());
		if (page.statusCode() != 200) {
			return "GET /login answered " + page.statusCode();
		}
		String html = new String(page.body(), StandardCharsets.UTF_8);
		String token = csrfToken(html);
		if (token == null && this.cookies.containsKey("XSRF-TOKEN")) {
			token = this.cookies.get("XSRF-TOKEN");
		}
		if (token == null) {
			return "no _csrf token in the login page";
		}
		String form = "username=" + enc(this.user) + "&password=" + enc(this.password) + "&_csrf=" + enc(token);
		HttpRequest.Builder post = request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", token)
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString(form));
		HttpResponse<byte[]> answer = this.client.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
		remember(answer.headers());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() / 100 != 3 || location.contains("error")) {
			return "POST /login answered " + answer.statusCode() + (location.isEmpty() ? "" : " -> " + location);
		}
		HttpResponse<byte[]> me = get("/api/v1/me");
		if (me.statusCode() != 200) {
			return "logged in, but /api/v1/me with the session cookie answered " + me.statusCode() + " "
					+ snippet(me.body()) + " (cookies: " + this.cookies.keySet() + ")";
		}
		return null;
	}

	static String csrfToken(String html) {
		Matcher input = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
		while (input.find()) {
			String tag = input.group();
			if (attribute(tag, "name").filter("_csrf"::equals).isPresent()) {
				return attribute(tag, "value").map(LoadDriver::unescape).orElse(null);
			}
		}
		Matcher meta = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
		while (meta.find()) {
			String tag = meta.group();
			if (attribute(tag, "name").filter("_csrf"::equals).isPresent()) {
				return attribute(tag, "content").map(LoadDriver::unescape).orElse(null);
			}
		}
		return null;
	}

	static java.util.Optional<String> attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE)
			.matcher(tag);
		if (!m.find()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
	}

	static String unescape(String s) {
		Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
			m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
		}
		m.appendTail(out);
		return out.toString()
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	synchronized void remember(HttpHeaders headers) {
		for (String setCookie : headers.allValues("Set-Cookie")) {
			String pair = setCookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
				if (expired || value.isEmpty()) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	// ---------------------------------------------------------------- requests

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(this.timeoutSeconds))
			.header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
		if (this.authHeader != null) {
			b.header("Authorization", this.authHeader);
		}
		synchronized (this) {
			if (!this.cookies.isEmpty()) {
				StringBuilder c = new StringBuilder();
				this.cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
				b.header("Cookie", c.toString());
			}
		}
		return b;
	}

	/** No credentials, no session cookie: the floor (Tomcat, filters, Jackson, the driver itself). */
	HttpRequest.Builder anonymous(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(this.timeoutSeconds))
			.header("Accept", "application/json");
	}

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String snippet(byte[] body) {
		String s = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		return s.length() > 200 ? s.substring(0, 200) + "..." : s;
	}

	static List<String> grid(int steps) {
		List<String> points = new ArrayList<>();
		for (int i = 0; i < steps; i++) {
			for (int j = 0; j < steps; j++) {
				double lat = 51.30 + (51.68 - 51.30) * (i + 0.5) / steps;
				double lng = -0.50 + (0.30 - -0.50) * (j + 0.5) / steps;
				points.add(String.format(Locale.ROOT, "/api/v1/locate?lat=%.5f&lng=%.5f", lat, lng));
			}
		}
		Collections.shuffle(points, new Random(42));
		return points;
	}

	String path(String kind, long n) {
		return switch (kind) {
			case "health" -> "/actuator/health";
			case "me" -> "/api/v1/me";
			case "wards" -> "/api/v1/wards?borough=" + BOROUGHS[(int) (n % BOROUGHS.length)];
			case "locate" -> this.locatePoints.get((int) (n % this.locatePoints.size()));
			default -> throw new IllegalStateException(kind);
		};
	}

	static boolean success(String kind, int status) {
		return status == 200 || (kind.equals("locate") && status == 404);
	}

	/** Requests the app must answer sensibly before anything is measured. */
	boolean checks() {
		try {
			HttpResponse<byte[]> wards = get("/api/v1/wards?borough=E09000007");
			Set<String> codes = new TreeSet<>();
			Matcher m = Pattern.compile("E05\\d{6}").matcher(new String(wards.body(), StandardCharsets.UTF_8));
			while (m.find()) {
				codes.add(m.group());
			}
			System.out.println("CHECK wards?borough=E09000007 status=" + wards.statusCode() + " bytes="
					+ wards.body().length + " distinct_ward_codes=" + codes.size());
			if (wards.statusCode() != 200) {
				System.out.println("WARNING wards answered " + wards.statusCode() + ": " + snippet(wards.body()));
			}
			else if (codes.size() < 10) {
				System.out.println("WARNING expected ~18 Camden wards, found " + codes.size() + ": "
						+ snippet(wards.body()));
			}
			HttpResponse<byte[]> camden = get("/api/v1/locate?lat=51.5390&lng=-0.1426");
			String body = new String(camden.body(), StandardCharsets.UTF_8);
			System.out.println("CHECK locate(51.5390,-0.1426) status=" + camden.statusCode() + " camden="
					+ body.contains("E09000007") + " body=" + snippet(camden.body()));
			if (camden.statusCode() != 200 || !body.contains("E09000007")) {
				System.out.println("WARNING locate of a point in Camden did not answer 200 with borough E09000007");
			}
			HttpResponse<byte[]> outside = get("/api/v1/locate?lat=52.2053&lng=0.1218");
			System.out.println("CHECK locate(Cambridge, outside London) status=" + outside.statusCode());
			if (outside.statusCode() != 404) {
				System.out.println("WARNING a point outside London answered " + outside.statusCode()
						+ " instead of 404: " + snippet(outside.body()));
			}
			return true;
		}
		catch (IOException ex) {
			System.err.println("LoadDriver: checks failed, cannot reach " + this.base + ": " + ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// ---------------------------------------------------------------- measuring

	final class Result {

		final Scenario scenario;

		final List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());

		final Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());

		long errors;

		long wallNanos; // summed over rounds

		volatile boolean truncated;

		Result(Scenario scenario) {
			this.scenario = scenario;
		}

		synchronized void count(String status, boolean error) {
			this.statuses.merge(status, 1, Integer::sum);
			if (error) {
				this.errors++;
			}
		}

		void print() {
			long[] all = this.latencies.stream().flatMapToLong(Arrays::stream).toArray();
			Arrays.sort(all);
			long total = 0;
			for (int n : this.statuses.values()) {
				total += n;
			}
			double rps = this.wallNanos > 0 ? total * 1e9 / this.wallNanos : 0;
			System.out.printf(Locale.ROOT, "RESULT %s %d %d %s %s %s %s %.1f %d%n", this.scenario.label(),
					this.scenario.clients(), total, ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)),
					ms(all.length == 0 ? -1 : all[all.length - 1]), rps, this.errors);
			StringBuilder s = new StringBuilder("STATUS " + this.scenario.label());
			this.statuses.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
			System.out.println(s);
			if (this.truncated) {
				System.out.println("WARNING " + this.scenario.label() + " stopped after " + LoadDriver.this.maxSeconds
						+ " s before all requests were sent");
			}
		}

	}

	/** Nearest-rank percentile of sorted nanosecond latencies; -1 when there are none. */
	static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String ms(long nanos) {
		return nanos < 0 ? "nan" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
	}

	/**
	 * Sends {@code total} requests of the scenario with its number of clients, each client doing
	 * its share as fast as it can. Records into {@code result} when given (else it is a warm-up).
	 */
	void runPhase(Scenario scenario, int total, int maxSeconds, Result result) throws InterruptedException {
		int clients = scenario.clients();
		long phase = this.phases++;
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(clients);
		AtomicBoolean stop = new AtomicBoolean();
		long[] deadlineHolder = { Long.MAX_VALUE }; // set just before the clients are released
		for (int c = 0; c < clients; c++) {
			int share = total / clients + (c < total % clients ? 1 : 0);
			int client = c;
			Thread t = new Thread(() -> {
				long[] lat = new long[share];
				int recorded = 0;
				// Each client starts at a different place in the sequence of points / boroughs.
				long n = phase * 100_003L + client * 7919L;
				ready.countDown();
				try {
					go.await();
					long paceNanos = scenario.paceMillis() * 1_000_000L;
					// paced clients are spread evenly over one pace interval
					long firstSend = System.nanoTime() + (paceNanos * client) / clients;
					for (int i = 0; i < share; i++) {
						long scheduled = firstSend + i * paceNanos;
						if (paceNanos > 0) {
							long wait = scheduled - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
							}
						}
						if (stop.get() || System.nanoTime() > deadlineHolder[0]) {
							stop.set(true);
							if (result != null) {
								result.truncated = true;
							}
							break;
						}
						String path = path(scenario.kind(), n++);
						HttpRequest req = (scenario.kind().equals("health") ? anonymous(path) : request(path)).GET()
							.build();
						long t0 = System.nanoTime();
						String status;
						boolean ok;
						try {
							HttpResponse<byte[]> r = this.client.send(req, HttpResponse.BodyHandlers.ofByteArray());
							status = String.valueOf(r.statusCode());
							ok = success(scenario.kind(), r.statusCode());
						}
						catch (IOException ex) {
							status = ex.getClass().getSimpleName();
							ok = false;
						}
						long elapsed = System.nanoTime() - (paceNanos > 0 ? Math.min(t0, scheduled) : t0);
						if (result != null) {
							if (ok) {
								lat[recorded++] = elapsed;
							}
							result.count(status, !ok);
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					if (result != null) {
						result.latencies.add(Arrays.copyOf(lat, recorded));
					}
					done.countDown();
				}
			}, "client-" + c);
			t.setDaemon(true);
			t.start();
		}
		ready.await();
		long start = System.nanoTime();
		if (maxSeconds > 0) {
			deadlineHolder[0] = start + maxSeconds * 1_000_000_000L;
		}
		go.countDown();
		// Hard cap so a hung app cannot hang the driver: max time + one request timeout + slack.
		long capSeconds = (maxSeconds > 0 ? maxSeconds : 600) + this.timeoutSeconds + 5L;
		if (!done.await(capSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
			stop.set(true);
			System.out.println("WARNING " + scenario.label() + " clients still busy after " + capSeconds + " s");
		}
		if (result != null) {
			result.wallNanos += System.nanoTime() - start;
		}
	}

	static void info(String message) {
		System.out.println("# " + message);
	}

}
