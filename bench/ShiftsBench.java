import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ringfence.shifts.domain.MsdInstance;
import org.ringfence.shifts.domain.MsdParser;
import org.ringfence.shifts.domain.ShiftDesigner;

/**
 * The shift design benchmark driver (bench/shifts runs it with the jar's classes on the class path).
 * 1. A cluster-like instance: 168 hourly slots (a week), officers needed per hour from a typical
 *    neighbourhood demand shape (quiet small hours, busy afternoons and evenings, busier Friday and
 *    Saturday nights; the shape, not a measured figure), 4 templates (early, day, late, night; start
 *    +/- 1 h, 8-10 h long), weights 1 / 1 / 60 per shift. Designed for --short seconds and, in the
 *    same run, for --long seconds: the ratio of the costs (short / long, target <= 1.0).
 * 2. Moves per second of the designer.
 * 3. Each sample instance: time to reach its stated reference fitness (target < 10 s).
 */
public class ShiftsBench {

	record Figure(String key, String figure, Double value, String unit, String reference, Double refValue,
			Double ratio, String target, Double targetValue, String verdict) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			a.put(args[i].substring(2), args[i + 1]);
		}
		int shortS = Integer.parseInt(a.getOrDefault("short", "10"));
		int longS = Integer.parseInt(a.getOrDefault("long", "60"));
		List<Figure> figures = new ArrayList<>();

		MsdInstance cluster = MsdParser.parse(clusterInstance());
		ShiftDesigner.Result quick = ShiftDesigner.design(cluster, ShiftDesigner.Options.of(shortS * 1000L));
		ShiftDesigner.Result slow = ShiftDesigner.design(cluster, ShiftDesigner.Options.of(longS * 1000L).withSeed(7));
		double best = Math.min(quick.evaluation().cost().doubleValue(), slow.evaluation().cost().doubleValue());
		double q = quick.evaluation().cost().doubleValue();
		double ratio = best == 0 ? (q == 0 ? 1 : Double.POSITIVE_INFINITY) : q / best;
		figures.add(new Figure("cluster_cost_short", "cluster profile (168 h, 4 templates): cost in " + shortS + " s", q, "",
				"best cost in " + longS + " s (other seed)", best, round(ratio), "ratio <= 1.0", 1.0,
				ratio <= 1.0 + 1e-9 ? "PASS" : "FAIL"));
		figures.add(new Figure("cluster_shifts", "cluster profile: shifts used (" + shortS + " s)",
				(double) quick.evaluation().shiftsUsed(), "", "-", null, null, "(info)", null, null));
		figures.add(new Figure("cluster_lower_bound", "cluster profile: lower bound; proven optimal: " + quick.provenOptimal(),
				round(quick.lowerBound()), "", "-", null, null, "(info)", null, null));
		figures.add(new Figure("moves_per_s", "designer moves per second (" + longS + " s run)",
				(double) Math.round(slow.movesPerSecond()), "moves/s", "-", null, null, "(info)", null, null));
		System.out.printf(Locale.ROOT, "cluster: %s s cost %s (%d shifts, best at %d ms), %s s cost %s; bound %.1f; %.0f moves/s%n",
				shortS, quick.evaluation().cost(), quick.evaluation().shiftsUsed(), quick.millisToBest(), longS,
				slow.evaluation().cost(), quick.lowerBound(), slow.movesPerSecond());

		Path samples = Path.of(a.get("samples"));
		try (var files = Files.list(samples)) {
			for (Path file : files.sorted().toList()) {
				MsdInstance instance = MsdParser.parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
				BigDecimal reference = instance.referenceFitness();
				long t0 = System.nanoTime();
				ShiftDesigner.Result r = ShiftDesigner.design(instance, ShiftDesigner.Options.of(10_000).withTarget(reference));
				double ms = (System.nanoTime() - t0) / 1e6;
				boolean reached = r.evaluation().cost().compareTo(reference) <= 0;
				String name = file.getFileName().toString().replace(".txt", "");
				figures.add(new Figure("reach_" + name, name + ": time to reference fitness " + reference
						+ (reached ? "" : " (not reached: " + r.evaluation().cost() + ")"), reached ? round(ms / 1000) : null,
						"s", "-", null, null, "< 10 s", 10.0, reached && ms < 10_000 ? "PASS" : "FAIL"));
				System.out.printf(Locale.ROOT, "%s: cost %s (reference %s) in %.0f ms%n", name, r.evaluation().cost(),
						reference, ms);
			}
		}

		StringBuilder json = new StringBuilder();
		json.append("{\n  \"benchmark\": \"shifts\",\n  \"timestamp\": ").append(str(a.get("stamp")))
			.append(",\n  \"host\": {\"cpus\": ").append(Runtime.getRuntime().availableProcessors())
			.append(", \"java\": ").append(str(a.get("java"))).append("},\n  \"jar\": ").append(str(a.get("jar")))
			.append(",\n  \"git_commit\": ").append(str(a.get("commit"))).append(",\n  \"short_s\": ").append(shortS)
			.append(", \"long_s\": ").append(longS).append(",\n  \"figures\": [\n");
		for (int i = 0; i < figures.size(); i++) {
			Figure f = figures.get(i);
			json.append("    {\"key\": ").append(str(f.key())).append(", \"figure\": ").append(str(f.figure()))
				.append(", \"value\": ").append(num(f.value())).append(", \"unit\": ").append(str(f.unit()))
				.append(", \"reference\": ").append(str(f.reference())).append(", \"ref_value\": ").append(num(f.refValue()))
				.append(", \"ratio\": ").append(num(f.ratio())).append(", \"target\": ").append(str(f.target()))
				.append(", \"target_value\": ").append(num(f.targetValue())).append(", \"verdict\": ")
				.append(f.verdict() == null ? "null" : str(f.verdict())).append("}").append(i + 1 < figures.size() ? ",\n" : "\n");
		}
		json.append("  ]\n}\n");
		Files.writeString(Path.of(a.get("out")), json.toString());
		System.out.println();
		System.out.printf("%-70s %12s %14s %8s %-14s %s%n", "figure", "value", "ref value", "ratio", "target", "verdict");
		for (Figure f : figures) {
			System.out.printf(Locale.ROOT, "%-70s %12s %14s %8s %-14s %s%n", f.figure(), num(f.value()) + " " + f.unit(),
					num(f.refValue()), num(f.ratio()), f.target(), f.verdict() == null ? "-" : f.verdict());
		}
	}

	static Double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	static String num(Double v) {
		if (v == null || v.isNaN() || v.isInfinite()) {
			return "null";
		}
		return v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v);
	}

	static String str(String s) {
		return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** A week of hourly officers-needed for a busy cluster, from a typical demand shape (2 calls an officer an hour). */
	static String clusterInstance() {
		double[] hour = { 5, 4, 3, 2.5, 2, 2, 3, 5, 7, 8, 9, 10, 11, 11, 12, 13, 14, 15, 15, 14, 13, 12, 10, 7 };
		double[] day = { 0.95, 0.95, 1.0, 1.0, 1.15, 1.2, 1.0 };
		StringBuilder req = new StringBuilder();
		for (int d = 0; d < 7; d++) {
			for (int h = 0; h < 24; h++) {
				double calls = hour[h] * day[d] * ((d >= 4 && (h >= 20 || h <= 2)) ? 1.3 : 1.0);
				int officers = (int) Math.ceil(calls / 2.0);
				if (h >= 7 && h < 23) {
					officers = Math.max(officers, 1);
				}
				req.append(req.length() == 0 ? "" : " ").append(officers);
			}
		}
		return """
				#MinuteInterval:
				60

				#DaysPerCycle:
				7

				#FlagCyclical: yes or no
				yes

				#Requirements:
				%s

				#Number of shift templates
				4

				#Shift templates
				E Early 7:0 60 60 540 60 60 *
				D Day 11:0 60 60 540 60 60 *
				L Late 16:0 60 60 540 60 60 *
				N Night 22:0 60 60 540 60 60 *

				#UnderCover:
				1

				#Overcover:
				1

				#Shifts:
				60
				""".formatted(req);
	}

}
