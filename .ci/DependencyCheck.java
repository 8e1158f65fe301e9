import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the resolved dependencies (the output of {@code mvn dependency:list}) with a checked-in
 * list of known-vulnerable versions ({@code .ci/known-vulnerable.txt}) and exits 1 when one is used.
 * Runs with the JDK alone ({@code java .ci/DependencyCheck.java LIST KNOWN}); {@code --self-test}
 * checks the version comparison and range matching.
 */
public class DependencyCheck {

	record Dependency(String group, String artifact, String version, String scope) {
	}

	record Known(String group, String artifact, String range, String id, String note) {
	}

	private static final Pattern LISTED = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):([\\w.\\-]+)(?::([\\w.\\-]+))?:([\\w.\\-+]+):(compile|runtime|provided|test|system|import)\\b.*$");

	public static void main(String[] args) throws IOException {
		if (args.length == 1 && args[0].equals("--self-test")) {
			selfTest();
			return;
		}
		List<Dependency> dependencies = dependencies(Path.of(args[0]));
		List<Known> known = known(Path.of(args[1]));
		if (dependencies.isEmpty()) {
			System.out.println("dependency-check: no dependencies read from " + args[0] + "; nothing checked");
			System.exit(1);
		}
		List<String> hits = new ArrayList<>();
		for (Dependency dependency : dependencies) {
			for (Known entry : known) {
				if (entry.group().equals(dependency.group()) && (entry.artifact().equals("*") || entry.artifact().equals(dependency.artifact()))
						&& inRange(dependency.version(), entry.range())) {
					hits.add(dependency.group() + ":" + dependency.artifact() + ":" + dependency.version() + " (" + dependency.scope()
							+ ") is in " + entry.range() + ": " + entry.id() + " " + entry.note());
				}
			}
		}
		System.out.printf("dependency-check: %d resolved dependencies checked against %d known-vulnerable ranges%n",
				dependencies.size(), known.size());
		if (hits.isEmpty()) {
			System.out.println("dependency-check: PASS, none is in a known-vulnerable range");
			return;
		}
		hits.forEach(hit -> System.out.println("dependency-check: VULNERABLE " + hit));
		System.out.println("dependency-check: FAIL, " + hits.size() + " known-vulnerable version(s)");
		System.exit(1);
	}

	static List<Dependency> dependencies(Path file) throws IOException {
		List<Dependency> found = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			Matcher m = LISTED.matcher(line);
			if (m.matches()) {
				found.add(new Dependency(m.group(1), m.group(2), m.group(5), m.group(6)));
			}
		}
		return found.stream().distinct().toList();
	}

	static List<Known> known(Path file) throws IOException {
		List<Known> known = new ArrayList<>();
		for (String raw : Files.readAllLines(file)) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\s+", 4);
			if (parts.length < 3) {
				throw new IllegalArgumentException("Bad line in the known-vulnerable list: " + raw);
			}
			String[] coordinates = parts[0].split(":");
			known.add(new Known(coordinates[0], coordinates[1], parts[1], parts[2], parts.length > 3 ? parts[3] : ""));
		}
		return known;
	}

	/** A Maven version range of one interval: [a,b), (,b], [a,], [v] (exactly v). */
	static boolean inRange(String version, String range) {
		char open = range.charAt(0);
		char close = range.charAt(range.length() - 1);
		String inner = range.substring(1, range.length() - 1);
		if (!inner.contains(",")) {
			return compare(version, inner) == 0;
		}
		String low = inner.substring(0, inner.indexOf(',')).strip();
		String high = inner.substring(inner.indexOf(',') + 1).strip();
		boolean aboveLow = low.isEmpty() || (open == '[' ? compare(version, low) >= 0 : compare(version, low) > 0);
		boolean belowHigh = high.isEmpty() || (close == ']' ? compare(version, high) <= 0 : compare(version, high) < 0);
		return aboveLow && belowHigh;
	}

	/**
	 * Compares versions segment by segment: numbers numerically; a qualifier (alpha, beta, M1, RC1)
	 * comes before the release it qualifies; Final, GA and RELEASE are the release itself.
	 */
	static int compare(String a, String b) {
		List<Object> x = segments(a);
		List<Object> y = segments(b);
		for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
			Object p = i < x.size() ? x.get(i) : 0L;
			Object q = i < y.size() ? y.get(i) : 0L;
			int c;
			if (p instanceof Long m && q instanceof Long n) {
				c = Long.compare(m, n);
			}
			else if (p instanceof Long m) {
				c = 1; // a release (number) is later than a qualifier
			}
			else if (q instanceof Long) {
				c = -1;
			}
			else {
				c = ((String) p).compareTo((String) q);
			}
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	private static List<Object> segments(String version) {
		List<Object> segments = new ArrayList<>();
		Matcher m = Pattern.compile("\\d+|[a-zA-Z]+").matcher(version);
		while (m.find()) {
			String s = m.group();
			if (Character.isDigit(s.charAt(0))) {
				segments.add(Long.parseLong(s));
			}
			else if (!List.of("final", "ga", "release", "jre", "android").contains(s.toLowerCase(Locale.ROOT))) {
				segments.add(s.toLowerCase(Locale.ROOT));
			}
		}
		while (!segments.isEmpty() && Long.valueOf(0L).equals(segments.get(segments.size() - 1))) {
			segments.remove(segments.size() - 1);
		}
		return segments;
	}

	private static void selfTest() {
		check(compare("5.4.1", "5.4.0") > 0, "5.4.1 > 5.4.0");
		check(compare("2.0-beta9", "2.0") < 0, "2.0-beta9 < 2.0");
		check(compare("1.10.0", "1.9") > 0, "1.10.0 > 1.9");
		check(compare("2.12.6.1", "2.12.6") > 0, "2.12.6.1 > 2.12.6");
		check(compare("6.1.13", "6.1.13.RELEASE") == 0, "RELEASE is the release");
		check(compare("11.0.0-M12", "11.0.0") < 0, "M12 before the release");
		check(inRange("2.14.1", "[2.0-beta9,2.15.0)"), "2.14.1 in [2.0-beta9,2.15.0)");
		check(!inRange("2.15.0", "[2.0-beta9,2.15.0)"), "2.15.0 not in [2.0-beta9,2.15.0)");
		check(inRange("42.7.1", "[,42.7.2)"), "42.7.1 in [,42.7.2)");
		check(!inRange("42.7.2", "[,42.7.2)"), "42.7.2 not in [,42.7.2)");
		check(inRange("1.4.5", "[1.4.5]"), "exact version");
		Matcher m = LISTED.matcher("   org.apache.poi:poi-ooxml:jar:5.4.1:compile -- module org.apache.poi.ooxml");
		check(m.matches() && m.group(5).equals("5.4.1"), "dependency:list line with a module");
		Matcher c = LISTED.matcher("   io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.100.Final:runtime");
		check(c.matches() && c.group(5).equals("4.1.100.Final"), "dependency:list line with a classifier");
		System.out.println("dependency-check: self-test passed");
	}

	private static void check(boolean ok, String what) {
		if (!ok) {
			System.out.println("dependency-check: self-test FAILED: " + what);
			System.exit(2);
		}
	}

}
