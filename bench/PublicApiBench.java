import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of bench/public-api: the data.police.uk-compatible API at 100 concurrent clients,
 * against the server's floor (GET /actuator/health) measured the same way in the same run.
 * JDK only (Java 17: a fixed pool of platform threads, one per client).
 *
 * A paced scenario gives each client one request every PACE ms (latency counts from the scheduled
 * send, so a late send counts); a saturating one sends the next request as soon as the last is
 * answered (information: on 2 shared cores it measures queueing as much as service).
 *
 * Usage: java bench/PublicApiBench.java --base URL --out FILE [--clients 100] [--pace-ms 1000]
 *        [--seconds 20] [--saturating-requests 100] [--jar PATH] [--commit SHA] [--note TEXT]
 */
public class PublicApiBench {

	static final double TARGET_P95_MS = 20;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String base = options.getOrDefault("base", "http://127.0.0.1:8080");
		Path out = Path.of(options.getOrDefault("out", "public-api.json"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "100"));
		int paceMs = Integer.parseInt(options.getOrDefault("pace-ms", "1000"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
		int saturating = Integer.parseInt(options.getOrDefault("saturating-requests", "100"));

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		String api = base + "/police-uk/api/";

		// what there is to ask for
		String list = get(http, api + "metropolitan/neighbourhoods").body();
		List<String> wards = new ArrayList<>();
		Matcher m = Pattern.compile("\"id\":\"(E05\\d{6})\"").matcher(list);
		while (m.find()) {
			wards.add(m.group(1));
		}
		if (wards.isEmpty()) {
			throw new IllegalStateException("no neighbourhoods at " + api + "metropolitan/neighbourhoods");
		}
		List<String> points = new ArrayList<>();
		for (String ward : wards.subList(0, Math.min(60, wards.size()))) {
			String body = get(http, api + "metropolitan/" + ward).body();
			Matcher c = Pattern.compile("\"centre\":\\{\"latitude\":\"([-0-9.]+)\",\"longitude\":\"([-0-9.]+)\"").matcher(body);
			if (c.find()) {
				points.add(c.group(1) + "," + c.group(2));
			}
		}
		System.out.println("INFO neighbourhoods " + wards.size() + ", locate points " + points.size());
		String[] tails = { "", "/people", "/priorities", "/events", "/boundary" };
		IntFunction<String> mixed = n -> {
			Random r = new Random(n * 7919L);
			int k = r.nextInt(20);
			if (k == 0) {
				return api + "metropolitan/neighbourhoods";
			}
			if (k == 1) {
				return api + "forces/metropolitan/people";
			}
			if (k <= 4 && !points.isEmpty()) {
				return api + "locate-neighbourhood?q=" + points.get(r.nextInt(points.size()));
			}
			return api + "metropolitan/" + wards.get(r.nextInt(wards.size())) + tails[r.nextInt(tails.length)];
		};
		IntFunction<String> health = n -> base + "/actuator/health";

		// warm up: every ward's every endpoint once (fills the published cache, as a live server's would be), then mixed
		long warm = System.nanoTime();
		ExecutorService warmPool = Executors.newFixedThreadPool(8);
		List<Future<?>> warming = new ArrayList<>();
		for (String ward : wards) {
			warming.add(warmPool.submit(() -> {
				for (String tail : tails) {
					get(http, api + "metropolitan/" + ward + tail);
				}
				return null;
			}));
		}
		for (Future<?> f : warming) {
			f.get();
		}
		warmPool.shutdown();
		run(http, mixed, 20, 0, 2000, 0);
		run(http, health, 20, 0, 1000, 0);
		System.out.printf(Locale.ROOT, "INFO warm-up %.1f s%n", (System.nanoTime() - warm) / 1e9);

		Map<String, Result> results = new LinkedHashMap<>();
		results.put("health-paced", run(http, health, clients, paceMs, 0, seconds));
		results.put("api-paced", run(http, mixed, clients, paceMs, 0, seconds));
		results.put("health-saturating", run(http, health, clients, 0, saturating, 0));
		results.put("api-saturating", run(http, mixed, clients, 0, saturating, 0));
		results.forEach((k, v) -> System.out.println("SCENARIO " + k + " " + v));

		Result apiPaced = results.get("api-paced");
		Result healthPaced = results.get("health-paced");
		Result apiSat = results.get("api-saturating");
		Result healthSat = results.get("health-saturating");
		long errors = results.values().stream().mapToLong(r -> r.errors).sum();
		List<String> figures = new ArrayList<>();
		figures.add(figure("api_p95_ms_c" + clients, "public API p95, " + clients + " clients paced (1 request / " + paceMs
				+ " ms each)", apiPaced.p95, "ms", "actuator health p95, same load", healthPaced.p95, "<= 20 ms", TARGET_P95_MS));
		figures.add(figure("api_p50_ms_c" + clients, "public API p50, same load", apiPaced.p50, "ms",
				"actuator health p50, same load", healthPaced.p50, "(info)", null));
		figures.add(figure("api_p99_ms_c" + clients, "public API p99, same load", apiPaced.p99, "ms",
				"actuator health p99, same load", healthPaced.p99, "(info)", null));
		figures.add(figure("api_rps_c" + clients, "public API throughput, paced", apiPaced.rps, "req/s",
				"actuator health throughput, paced", healthPaced.rps, "(info)", null));
		figures.add(figure("api_p95_ms_c" + clients + "_saturating", "public API p95, " + clients
				+ " clients saturating", apiSat.p95, "ms", "actuator health p95, " + clients + " clients saturating", healthSat.p95,
				"(info)", null));
		figures.add(figure("api_rps_c" + clients + "_saturating", "public API throughput, saturating", apiSat.rps, "req/s",
				"actuator health throughput, saturating", healthSat.rps, "(info)", null));
		figures.add(figure("request_errors", "request errors (non-200 or failed), all scenarios", errors, "", "-", null, "= 0",
				0.0));

		StringBuilder json = new StringBuilder();
		json.append("{\n  \"benchmark\": \"public-api\",\n");
		json.append("  \"timestamp\": ").append(str(options.getOrDefault("stamp", ""))).append(",\n");
		json.append("  \"host\": {\"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(", \"java\": ")
			.append(str(System.getProperty("java.version"))).append("},\n");
		json.append("  \"jar\": ").append(str(options.getOrDefault("jar", ""))).append(",\n");
		json.append("  \"git_commit\": ").append(str(options.getOrDefault("commit", "unknown"))).append(",\n");
		json.append("  \"note\": ").append(str(options.getOrDefault("note", ""))).append(",\n");
		json.append("  \"figures\": [\n    ").append(String.join(",\n    ", figures)).append("\n  ],\n");
		json.append("  \"scenarios\": {\n");
		List<String> scenarios = new ArrayList<>();
		results.forEach((k, v) -> scenarios.add("    " + str(k) + ": " + v.json()));
		json.append(String.join(",\n", scenarios)).append("\n  }\n}\n");
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, json.toString());
		System.out.println("RESULT api_p95_ms " + fmt(apiPaced.p95));
		System.out.println("RESULT health_p95_ms " + fmt(healthPaced.p95));
		System.out.println("RESULT errors " + errors);
		System.exit(0);
	}

	static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
		return r;
	}

	static final class Result {

		long requests;

		long errors;

		double p50, p95, p99, max, rps;

		final Map<Integer, Long> statuses = new ConcurrentHashMap<>();

		String json() {
			return String.format(Locale.ROOT,
					"{\"requests\": %d, \"errors\": %d, \"p50_ms\": %s, \"p95_ms\": %s, \"p99_ms\": %s, \"max_ms\": %s, \"rps\": %s, \"statuses\": %s}",
					this.requests, this.errors, fmt(this.p50), fmt(this.p95), fmt(this.p99), fmt(this.max), fmt(this.rps),
					this.statuses.toString().replace("=", ": ").replaceAll("(\\d+): ", "\"$1\": "));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "requests %d errors %d p50 %s p95 %s p99 %s max %s rps %s statuses %s",
					this.requests, this.errors, fmt(this.p50), fmt(this.p95), fmt(this.p99), fmt(this.max), fmt(this.rps),
					this.statuses);
		}

	}

	/**
	 * Runs clients at once: paced (paceMs > 0, for seconds) or saturating (perClient requests each).
	 * Latency in ms: from the scheduled send (paced) or the send (saturating) to the whole body read.
	 */
	static Result run(HttpClient http, IntFunction<String> urls, int clients, int paceMs, int perClient, int seconds)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> futures = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		Result result = new Result();
		long start = System.nanoTime() + 50_000_000L;
		long end = start + seconds * 1_000_000_000L;
		for (int c = 0; c < clients; c++) {
			int client = c;
			futures.add(pool.submit(() -> {
				long[] lat = new long[paceMs > 0 ? (int) ((long) seconds * 1000 / paceMs + 2) : perClient];
				int n = 0;
				long next = start + (long) paceMs * 1_000_000L * client / Math.max(1, clients);
				int seq = client * 1_000_003;
				while (paceMs > 0 ? next < end && n < lat.length : n < perClient) {
					if (paceMs > 0) {
						long wait = next - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
						}
					}
					long sent = paceMs > 0 ? next : System.nanoTime();
					int status;
					try {
						HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(urls.apply(seq++)))
							.timeout(Duration.ofSeconds(10))
							.GET()
							.build(), HttpResponse.BodyHandlers.ofByteArray());
						status = r.statusCode();
					}
					catch (IOException ex) {
						status = -1;
					}
					lat[n++] = System.nanoTime() - sent;
					result.statuses.merge(status, 1L, Long::sum);
					if (status != 200) {
						errors.incrementAndGet();
					}
					next += paceMs * 1_000_000L;
				}
				return Arrays.copyOf(lat, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> f : futures) {
			all.add(f.get());
		}
		long finished = System.nanoTime();
		pool.shutdown();
		long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		result.requests = latencies.length;
		result.errors = errors.get();
		if (latencies.length > 0) {
			result.p50 = pct(latencies, 0.50);
			result.p95 = pct(latencies, 0.95);
			result.p99 = pct(latencies, 0.99);
			result.max = latencies[latencies.length - 1] / 1e6;
			result.rps = latencies.length / ((finished - start) / 1e9);
		}
		return result;
	}

	static double pct(long[] sorted, double p) {
		int i = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	static String figure(String key, String figure, double value, String unit, String reference, Double refValue,
			String target, Double targetValue) {
		String ratio = refValue == null || refValue <= 0 ? "null" : fmt(value / refValue);
		String verdict = targetValue == null ? "null"
				: str((target.startsWith("=") ? value == targetValue : value <= targetValue) ? "PASS" : "FAIL");
		return String.format(Locale.ROOT,
				"{\"key\": %s, \"figure\": %s, \"value\": %s, \"unit\": %s, \"reference\": %s, \"ref_value\": %s, \"ratio\": %s, \"target\": %s, \"target_value\": %s, \"verdict\": %s}",
				str(key), str(figure), fmt(value), str(unit), str(reference), refValue == null ? "null" : fmt(refValue), ratio,
				str(target), targetValue == null ? "null" : fmt(targetValue), verdict);
	}

	static String fmt(double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	static String str(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
