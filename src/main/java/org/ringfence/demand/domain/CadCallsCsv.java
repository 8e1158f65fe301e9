package org.ringfence.demand.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a file of CAD calls for service (docs/cad-calls-csv.md). Columns are found by name (any
 * order, any case; spaces, dashes and underscores alike), by the documented names, their usual
 * aliases, or a mapping sent with the file ({@link #mapping}); other columns are ignored and
 * listed in the report. Required: reference, received, category, grade, and a ward code or
 * coordinates column. Each row is checked on its own: a row with an empty reference, category or
 * grade, a received time that cannot be read, coordinates out of range or only one of them, or a
 * time on scene that is not a number of minutes, is rejected.
 */
public final class CadCallsCsv {

	public static final String REFERENCE = "reference";

	public static final String RECEIVED = "received";

	public static final String WARD_CODE = "ward_code";

	public static final String LATITUDE = "latitude";

	public static final String LONGITUDE = "longitude";

	public static final String CATEGORY = "category";

	public static final String GRADE = "grade";

	public static final String TIME_ON_SCENE = "time_on_scene";

	/** The fields and the column names taken for each when no mapping says otherwise. */
	public static final Map<String, List<String>> ALIASES = aliases();

	private static Map<String, List<String>> aliases() {
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		aliases.put(REFERENCE, List.of("reference", "ref", "cad_reference", "cad_ref", "cad_number", "incident_number",
				"incident_no", "call_reference"));
		aliases.put(RECEIVED, List.of("received", "received_at", "received_time", "time_received", "created",
				"created_at", "call_time", "timestamp", "date_time", "datetime"));
		aliases.put(WARD_CODE, List.of("ward_code", "ward", "wd18cd", "ward_gss_code"));
		aliases.put(LATITUDE, List.of("latitude", "lat"));
		aliases.put(LONGITUDE, List.of("longitude", "lng", "lon", "long"));
		aliases.put(CATEGORY, List.of("category", "call_type", "incident_type", "type", "opening_code",
				"classification"));
		aliases.put(GRADE, List.of("grade", "priority", "response_grade", "call_grade"));
		aliases.put(TIME_ON_SCENE, List.of("time_on_scene", "time_on_scene_minutes", "on_scene", "on_scene_minutes",
				"minutes_on_scene"));
		return java.util.Collections.unmodifiableMap(aliases);
	}

	/** One call as read. wardCode is empty when none; latitude and longitude NaN when none; timeOnScene -1 when none. */
	public record Row(String reference, LondonTime.Received received, String wardCode, double latitude,
			double longitude, String category, String grade, int timeOnScene) {
	}

	@FunctionalInterface
	public interface Sink {

		void row(long line, Row row, Supplier<String> text);

	}

	private CadCallsCsv() {
	}

	/**
	 * Reads a mapping of fields to column names: lines or semicolon-separated pairs
	 * {@code field=Column name} (e.g. {@code received=Created At; ward_code=Ward}).
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static Map<String, String> mapping(String text) {
		Map<String, String> mapping = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return mapping;
		}
		for (String pair : text.split("[;\\n\\r]+")) {
			if (pair.isBlank()) {
				continue;
			}
			int eq = pair.indexOf('=');
			if (eq < 0) {
				eq = pair.indexOf(':');
			}
			if (eq <= 0 || eq == pair.length() - 1) {
				throw new IllegalArgumentException("'" + pair.strip() + "' is not field=Column name");
			}
			String field = CsvFileReader.normalise(pair.substring(0, eq));
			String column = pair.substring(eq + 1).strip();
			if (!ALIASES.containsKey(field)) {
				throw new IllegalArgumentException("'" + field + "' is not a field: the fields are "
						+ String.join(", ", ALIASES.keySet()));
			}
			if (column.isEmpty() || column.length() > 100) {
				throw new IllegalArgumentException("the column name for " + field + " must be 1-100 characters");
			}
			if (mapping.put(field, column) != null) {
				throw new IllegalArgumentException("the field " + field + " is mapped twice");
			}
		}
		return mapping;
	}

	/** Reads one file; good rows go to the sink, problems to the tally. Returns the data rows read. */
	public static long read(String fileName, InputStream in, Map<String, String> mapping, ImportTally tally, Sink sink) {
		int[] columns = new int[ALIASES.size()];
		java.util.Arrays.fill(columns, -1);
		List<String> fields = List.copyOf(ALIASES.keySet());
		CsvFileReader.Outcome outcome = CsvFileReader.read(in, new CsvFileReader.Handler() {

			int width;

			@Override
			public List<String> header(List<String> names) {
				this.width = names.size();
				List<String> problems = new ArrayList<>();
				Map<String, Integer> byName = new HashMap<>();
				for (int i = 0; i < names.size(); i++) {
					String name = CsvFileReader.normalise(names.get(i));
					if (!name.isEmpty()) {
						byName.putIfAbsent(name, i);
					}
				}
				List<String> used = new ArrayList<>();
				for (int f = 0; f < fields.size(); f++) {
					String field = fields.get(f);
					if (mapping.containsKey(field)) {
						Integer column = byName.get(CsvFileReader.normalise(mapping.get(field)));
						if (column == null) {
							problems.add("the mapping names column '" + mapping.get(field) + "' for " + field
									+ ", but the file has no such column");
						}
						else {
							columns[f] = column;
						}
					}
					else {
						for (String alias : ALIASES.get(field)) {
							Integer column = byName.get(alias);
							if (column != null && !used.contains(alias)) {
								columns[f] = column;
								used.add(alias);
								break;
							}
						}
					}
				}
				for (String required : List.of(REFERENCE, RECEIVED, CATEGORY, GRADE)) {
					if (columns[fields.indexOf(required)] < 0 && !mapping.containsKey(required)) {
						problems.add("missing column for " + required + " (named " + String.join(", ", ALIASES.get(required))
								+ ", or mapped)");
					}
				}
				boolean ward = columns[fields.indexOf(WARD_CODE)] >= 0;
				boolean lat = columns[fields.indexOf(LATITUDE)] >= 0;
				boolean lng = columns[fields.indexOf(LONGITUDE)] >= 0;
				if (lat != lng) {
					problems.add("latitude and longitude come together: the file has only one of them");
				}
				else if (!ward && !lat) {
					problems.add("the file needs a ward_code column or latitude and longitude columns");
				}
				List<String> ignored = new ArrayList<>();
				for (int i = 0; i < names.size(); i++) {
					boolean isUsed = false;
					for (int column : columns) {
						isUsed |= column == i;
					}
					if (!isUsed) {
						ignored.add(names.get(i).strip());
					}
				}
				if (!ignored.isEmpty()) {
					tally.detail("ignoredColumns", ignored);
				}
				return problems;
			}

			@Override
			public void row(long line, CsvRecord record) {
				if (record.getFieldCount() != this.width) {
					tally.reject(fileName, line, "expected " + this.width + " fields as in the header, found "
							+ record.getFieldCount());
					return;
				}
				String reference = field(record, 0);
				String receivedText = field(record, 1);
				String ward = field(record, 2).toUpperCase(Locale.ROOT);
				String latText = field(record, 3);
				String lngText = field(record, 4);
				String category = field(record, 5);
				String grade = field(record, 6);
				String scene = field(record, 7);
				boolean ok = true;
				if (reference.isEmpty() || reference.length() > 64) {
					tally.reject(fileName, line, "reference must be 1-64 characters");
					ok = false;
				}
				LondonTime.Received received = LondonTime.parse(receivedText);
				if (received == null) {
					tally.reject(fileName, line, "received '" + PoliceUkStreetCsv.shorten(receivedText)
							+ "' is not a date and time (2021-04-01T13:45:00Z, 2021-04-01 13:45 or 01/04/2021 13:45 London time)");
					ok = false;
				}
				if (category.isEmpty() || category.length() > 100) {
					tally.reject(fileName, line, "category must be 1-100 characters");
					ok = false;
				}
				if (grade.isEmpty() || grade.length() > 20) {
					tally.reject(fileName, line, "grade must be 1-20 characters");
					ok = false;
				}
				if (ward.length() > 20) {
					tally.reject(fileName, line, "ward_code is longer than 20 characters");
					ok = false;
				}
				double lat = Double.NaN;
				double lng = Double.NaN;
				if (latText.isEmpty() != lngText.isEmpty()) {
					tally.reject(fileName, line, "only one of latitude and longitude is given");
					ok = false;
				}
				else if (!latText.isEmpty()) {
					lat = PoliceUkStreetCsv.number(latText, 90);
					lng = PoliceUkStreetCsv.number(lngText, 180);
					if (Double.isNaN(lat) || Double.isNaN(lng)) {
						tally.reject(fileName, line, "latitude and longitude must be decimal degrees in range");
						ok = false;
					}
				}
				int timeOnScene = -1;
				if (!scene.isEmpty()) {
					timeOnScene = minutes(scene);
					if (timeOnScene < 0) {
						tally.reject(fileName, line, "time_on_scene '" + PoliceUkStreetCsv.shorten(scene)
								+ "' is not a number of minutes (0-100000)");
						ok = false;
					}
				}
				if (ok) {
					sink.row(line, new Row(reference, received, ward, lat, lng, category, grade, timeOnScene),
							() -> String.join(",", record.getFields()));
				}
			}

			private String field(CsvRecord record, int field) {
				int column = columns[field];
				return column < 0 ? "" : record.getField(column).strip();
			}

		});
		for (String problem : outcome.headerProblems()) {
			tally.reject(fileName, 1, problem);
		}
		for (CsvFileReader.FileProblem problem : outcome.stopped()) {
			tally.reject(fileName, problem.line(), problem.reason());
		}
		return outcome.rows();
	}

	/** Whole minutes (a decimal is rounded), 0..100000, or -1. */
	static int minutes(String text) {
		try {
			double value = Double.parseDouble(text);
			if (!Double.isFinite(value) || value < 0 || value > 100_000) {
				return -1;
			}
			return (int) Math.round(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
