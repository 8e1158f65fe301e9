import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * bench/run's summary: for each benchmark name, the figures of the result it wrote in this run
 * (the newest bench/results/NAME-STAMP.table, else the "figures" of NAME-STAMP.json, with STAMP at
 * or after the run's), printed as "name|figure|value|reference|ref value|ratio|target|verdict".
 *
 * <pre>java bench/Summary.java RESULTS_DIR RUN_STAMP NAME...</pre>
 */
public class Summary {

	static final Pattern FIGURE = Pattern.compile("\\{\\s*\"key\"(?:[^{}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\}");

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		String stamp = args[1];
		for (int i = 2; i < args.length; i++) {
			String name = args[i];
			Optional<Path> table = newest(dir, name, ".table", stamp);
			Optional<Path> json = newest(dir, name, ".json", stamp);
			if (table.isPresent()) {
				Files.readAllLines(table.get()).stream().skip(1).forEach(line -> System.out.println(name + "|" + line));
			}
			else if (json.isPresent() && printFigures(name, Files.readString(json.get()))) {
				continue;
			}
			else {
				System.out.println(name + "|(no figures from this run)|-|-|-|-|-|FAIL");
			}
		}
	}

	static Optional<Path> newest(Path dir, String name, String suffix, String stamp) throws IOException {
		Pattern file = Pattern.compile(Pattern.quote(name) + "-(\\d{8}T\\d{6}Z)" + Pattern.quote(suffix));
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> {
				Matcher m = file.matcher(p.getFileName().toString());
				return m.matches() && m.group(1).compareTo(stamp) >= 0;
			}).max(Comparator.comparing(p -> p.getFileName().toString()));
		}
	}

	static boolean printFigures(String name, String json) {
		Matcher m = FIGURE.matcher(json);
		boolean any = false;
		while (m.find()) {
			String f = m.group();
			String unit = field(f, "unit");
			String value = field(f, "value");
			String ref = field(f, "ref_value");
			System.out.println(String.join("|", name, field(f, "figure"), value + (unit.isEmpty() ? "" : " " + unit),
					field(f, "reference"), ref.equals("null") ? "-" : ref + (unit.isEmpty() ? "" : " " + unit),
					dash(field(f, "ratio")), field(f, "target"), dash(field(f, "verdict"))));
			any = true;
		}
		return any;
	}

	static String dash(String value) {
		return value.equals("null") || value.isEmpty() ? "-" : value;
	}

	/** A field of one flat JSON object: a string's text (unescaped), or a number / null as written. */
	static String field(String object, String key) {
		Matcher s = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(object);
		if (s.find()) {
			return s.group(1).replace("\\\"", "\"").replace("\\\\", "\\").replace("|", "/");
		}
		Matcher n = Pattern.compile("\"" + key + "\"\\s*:\\s*([^,}\\s]+)").matcher(object);
		return n.find() ? n.group(1) : "";
	}

}
