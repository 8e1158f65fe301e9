package org.ringfence.allocation.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.ringfence.allocation.SchoolPhase;

/**
 * Reads a schools file for the Safer Schools needs analysis (docs/schools-csv.md): UTF-8, a header
 * row naming the columns in any order and case, comma or semicolon separated. Columns: urn, name,
 * phase, ward_code or lat and lng, optionally has_officer, and one column per criterion by its code
 * (an empty cell is a missing value). Every problem is reported with its line and column; nothing
 * here needs the database (which wards exist and who may import them is checked after).
 */
public final class SchoolCsvReader {

	public static final String URN = "urn";

	public static final String NAME = "name";

	public static final String PHASE = "phase";

	public static final String WARD_CODE = "ward_code";

	public static final String LAT = "lat";

	public static final String LNG = "lng";

	public static final String HAS_OFFICER = "has_officer";

	static final List<String> FIXED = List.of(URN, NAME, PHASE, WARD_CODE, LAT, LNG, HAS_OFFICER);

	private static final Pattern URN_SHAPE = Pattern.compile("[0-9]{5,8}");

	private static final Pattern WARD_SHAPE = Pattern.compile("[EWSN][0-9]{8}");

	private SchoolCsvReader() {
	}

	/** A row that passed every check. values: criterion code to value, only the cells that were filled. */
	public record Row(long line, String urn, String name, SchoolPhase phase, Optional<String> wardCode,
			Optional<double[]> location, boolean hasOfficer, Map<String, Double> values) {
	}

	/** One problem: line (1 = the header), column (empty for the row) and why. */
	public record Problem(long line, String column, String message) {
	}

	public record Result(int rowsRead, List<Row> rows, List<Problem> problems) {
	}

	/**
	 * @param importable criterion codes a file may carry
	 * @param derived criterion codes that come from elsewhere (the demand data) and may not be imported
	 */
	public static Result read(byte[] content, Set<String> importable, Set<String> derived) {
		List<Problem> problems = new ArrayList<>();
		Optional<String> text = decode(content, problems);
		if (text.isEmpty()) {
			return new Result(0, List.of(), problems);
		}
		String csv = text.get();
		if (!csv.isEmpty() && csv.charAt(0) == '\uFEFF') {
			csv = csv.substring(1);
		}
		if (csv.isBlank()) {
			problems.add(new Problem(1, "", "the file is empty: a header row naming the columns is required"));
			return new Result(0, List.of(), problems);
		}
		int newline = csv.indexOf('\n');
		String headerLine = newline < 0 ? csv : csv.substring(0, newline);
		char separator = headerLine.chars().filter(c -> c == ';').count() > headerLine.chars().filter(c -> c == ',').count()
				? ';' : ',';
		CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(csv);
		Map<String, Integer> columns = null;
		int width = 0;
		int rowsRead = 0;
		List<Row> rows = new ArrayList<>();
		Map<String, Long> urns = new HashMap<>();
		long line = 1;
		try {
			for (CsvRecord record : reader) {
				line = record.getStartingLineNumber();
				if (columns == null) {
					columns = header(record, importable, derived, problems);
					width = record.getFieldCount();
					continue;
				}
				rowsRead++;
				if (!problems.isEmpty() && problems.get(0).line() == 1) {
					continue;
				}
				if (record.getFieldCount() != width) {
					problems.add(new Problem(line, "", "expected " + width + " fields as in the header, found "
							+ record.getFieldCount()));
					continue;
				}
				Optional<Row> row = row(record, columns, problems);
				if (row.isPresent()) {
					Long earlier = urns.putIfAbsent(row.get().urn(), line);
					if (earlier != null) {
						problems.add(new Problem(line, URN, "URN " + row.get().urn() + " is on line " + earlier + " already"));
					}
					else {
						rows.add(row.get());
					}
				}
			}
		}
		catch (CsvParseException ex) {
			problems.add(new Problem(line, "", "the file cannot be read as CSV after this line: "
					+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage())));
		}
		if (columns == null) {
			problems.add(new Problem(1, "", "the file is empty: a header row naming the columns is required"));
		}
		else if (rowsRead == 0 && problems.isEmpty()) {
			problems.add(new Problem(1, "", "the file has a header but no schools"));
		}
		return new Result(rowsRead, rows, problems);
	}

	private static Optional<String> decode(byte[] content, List<Problem> problems) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(content.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			long line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (content[i] == '\n') {
					line++;
				}
			}
			problems.add(new Problem(line, "", "the file is not UTF-8 text (save it as CSV UTF-8)"));
			return Optional.empty();
		}
		decoder.flush(out);
		out.flip();
		return Optional.of(out.toString());
	}

	private static Map<String, Integer> header(CsvRecord record, Set<String> importable, Set<String> derived,
			List<Problem> problems) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String column = record.getField(i).strip().toLowerCase(Locale.ROOT);
			if (column.isEmpty()) {
				problems.add(new Problem(1, "", "column " + (i + 1) + " of the header has no name"));
			}
			else if (derived.contains(column)) {
				problems.add(new Problem(1, column, "this criterion comes from the demand data of the school's ward; "
						+ "leave the column out"));
			}
			else if (!FIXED.contains(column) && !importable.contains(column)) {
				problems.add(new Problem(1, column, "unknown column: the columns are " + String.join(", ", FIXED)
						+ " and the criterion codes (" + String.join(", ", new java.util.TreeSet<>(importable)) + ")"));
			}
			else if (columns.putIfAbsent(column, i) != null) {
				problems.add(new Problem(1, column, "the column is named twice"));
			}
		}
		for (String required : List.of(URN, NAME, PHASE)) {
			if (!columns.containsKey(required)) {
				problems.add(new Problem(1, required, "missing column"));
			}
		}
		boolean ward = columns.containsKey(WARD_CODE);
		boolean location = columns.containsKey(LAT) && columns.containsKey(LNG);
		if (!ward && !location) {
			problems.add(new Problem(1, WARD_CODE, "a ward_code column, or lat and lng columns, are required"));
		}
		if (columns.containsKey(LAT) != columns.containsKey(LNG)) {
			problems.add(new Problem(1, columns.containsKey(LAT) ? LNG : LAT, "lat and lng go together"));
		}
		return columns;
	}

	private static Optional<Row> row(CsvRecord record, Map<String, Integer> columns, List<Problem> problems) {
		long line = record.getStartingLineNumber();
		int before = problems.size();
		String urn = field(record, columns, URN);
		if (!URN_SHAPE.matcher(urn).matches()) {
			problems.add(new Problem(line, URN, urn.isEmpty() ? "a URN is required" : "not a URN (5-8 digits): " + urn));
		}
		String name = field(record, columns, NAME);
		if (name.isEmpty() || name.length() > 200) {
			problems.add(new Problem(line, NAME, "a name of 1-200 characters is required"));
		}
		String phaseText = field(record, columns, PHASE);
		Optional<SchoolPhase> phase = SchoolPhase.parse(phaseText);
		if (phase.isEmpty()) {
			problems.add(new Problem(line, PHASE, "not a phase: " + (phaseText.isEmpty() ? "(empty)" : phaseText)
					+ "; one of " + java.util.Arrays.toString(SchoolPhase.values())));
		}
		Optional<String> ward = Optional.of(field(record, columns, WARD_CODE).toUpperCase(Locale.ROOT))
			.filter(w -> !w.isEmpty());
		if (ward.isPresent() && !WARD_SHAPE.matcher(ward.get()).matches()) {
			problems.add(new Problem(line, WARD_CODE, "not a ward code (like E05000137): " + ward.get()));
		}
		String latText = field(record, columns, LAT);
		String lngText = field(record, columns, LNG);
		Optional<double[]> location = Optional.empty();
		if (!latText.isEmpty() || !lngText.isEmpty()) {
			Optional<Double> lat = number(latText);
			Optional<Double> lng = number(lngText);
			if (lat.isEmpty() || lat.get() < -90 || lat.get() > 90) {
				problems.add(new Problem(line, LAT, "not a latitude: " + (latText.isEmpty() ? "(empty)" : latText)));
			}
			if (lng.isEmpty() || lng.get() < -180 || lng.get() > 180) {
				problems.add(new Problem(line, LNG, "not a longitude: " + (lngText.isEmpty() ? "(empty)" : lngText)));
			}
			if (lat.isPresent() && lng.isPresent()) {
				location = Optional.of(new double[] { lat.get(), lng.get() });
			}
		}
		if (ward.isEmpty() && latText.isEmpty() && lngText.isEmpty()) {
			problems.add(new Problem(line, WARD_CODE, "a ward code or a location (lat, lng) is required"));
		}
		String officerText = field(record, columns, HAS_OFFICER).toLowerCase(Locale.ROOT);
		boolean hasOfficer = false;
		switch (officerText) {
			case "", "no", "n", "false", "0" -> hasOfficer = false;
			case "yes", "y", "true", "1" -> hasOfficer = true;
			default -> problems.add(new Problem(line, HAS_OFFICER, "yes or no: " + officerText));
		}
		Map<String, Double> values = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> column : columns.entrySet()) {
			if (FIXED.contains(column.getKey())) {
				continue;
			}
			String text = record.getField(column.getValue()).strip();
			if (text.isEmpty()) {
				continue;
			}
			Optional<Double> value = number(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
			if (value.isEmpty()) {
				problems.add(new Problem(line, column.getKey(), "not a number: " + text));
			}
			else {
				values.put(column.getKey(), value.get());
			}
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new Row(line, urn, name, phase.get(), ward, location, hasOfficer, Map.copyOf(values)));
	}

	private static String field(CsvRecord record, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= record.getFieldCount() ? "" : record.getField(index).strip();
	}

	private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)");

	private static Optional<Double> number(String text) {
		if (!DECIMAL.matcher(text.strip()).matches()) {
			return Optional.empty();
		}
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
