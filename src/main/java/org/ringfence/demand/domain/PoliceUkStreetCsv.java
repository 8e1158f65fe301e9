package org.ringfence.demand.domain;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a data.police.uk street-level crime file ("2019-01-metropolitan-street.csv"): the twelve
 * columns data.police.uk publishes (any order, any case), one record per row. A row is rejected
 * when it has a different number of fields from the header, a Month that is not {@code YYYY-MM},
 * coordinates that are not numbers in range (or only one of the two), or no Crime type. Records
 * without a Crime ID (anti-social behaviour) get a key from their content (see {@link #contentKey}).
 */
public final class PoliceUkStreetCsv {

	/** The columns of a data.police.uk street-level file. */
	public static final List<String> COLUMNS = List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude",
			"Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");

	/** The crime type of anti-social behaviour incidents. */
	public static final String ASB_TYPE = "Anti-social behaviour";

	/** One row as read. Latitude and longitude are NaN when the row has none; lsoa is empty when none. */
	public record Row(String crimeKey, boolean keyFromContent, LocalDate month, String reportedBy, double latitude,
			double longitude, String location, String lsoa, String crimeType) {

		public boolean asb() {
			return ASB_TYPE.equalsIgnoreCase(this.crimeType);
		}

	}

	/** Receives the rows that passed the checks. */
	@FunctionalInterface
	public interface Sink {

		void row(long line, Row row, String text);

	}

	private PoliceUkStreetCsv() {
	}

	/**
	 * Reads one file: good rows go to the sink, problems to the tally (as rejections of the file's
	 * lines). Returns the number of data rows read.
	 */
	public static long read(String fileName, InputStream in, ImportTally tally, Sink sink) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> occurrences = new HashMap<>();
		MessageDigest sha256 = sha256();
		CsvFileReader.Outcome outcome = CsvFileReader.read(in, new CsvFileReader.Handler() {

			int width;

			@Override
			public List<String> header(List<String> names) {
				this.width = names.size();
				return header(names, index);
			}

			private List<String> header(List<String> names, Map<String, Integer> columns) {
				List<String> problems = new ArrayList<>();
				Map<String, String> known = new HashMap<>();
				COLUMNS.forEach(c -> known.put(CsvFileReader.normalise(c), c));
				for (int i = 0; i < names.size(); i++) {
					String name = CsvFileReader.normalise(names.get(i));
					String column = known.get(name);
					if (column == null) {
						problems.add("unknown column '" + names.get(i).strip()
								+ "': a data.police.uk street-level file has the columns " + String.join(", ", COLUMNS));
					}
					else if (columns.putIfAbsent(column, i) != null) {
						problems.add("the column '" + column + "' is named twice");
					}
				}
				for (String column : COLUMNS) {
					if (!columns.containsKey(column)) {
						problems.add("missing column '" + column + "'");
					}
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
				String crimeId = field(record, "Crime ID");
				String monthText = field(record, "Month");
				String reportedBy = field(record, "Reported by");
				String lngText = field(record, "Longitude");
				String latText = field(record, "Latitude");
				String location = field(record, "Location");
				String lsoa = field(record, "LSOA code").toUpperCase(Locale.ROOT);
				String type = field(record, "Crime type");
				boolean ok = true;
				LocalDate month = month(monthText);
				if (month == null) {
					tally.reject(fileName, line, "Month '" + shorten(monthText) + "' is not a month like 2019-01");
					ok = false;
				}
				double lat = Double.NaN;
				double lng = Double.NaN;
				if (latText.isEmpty() != lngText.isEmpty()) {
					tally.reject(fileName, line, "only one of Longitude and Latitude is given");
					ok = false;
				}
				else if (!latText.isEmpty()) {
					lat = number(latText, 90);
					lng = number(lngText, 180);
					if (Double.isNaN(lat) || Double.isNaN(lng)) {
						tally.reject(fileName, line, "Longitude '" + shorten(lngText) + "' and Latitude '" + shorten(latText)
								+ "' must be decimal degrees in range");
						ok = false;
					}
				}
				if (type.isEmpty()) {
					tally.reject(fileName, line, "Crime type is empty");
					ok = false;
				}
				else if (type.length() > 100) {
					tally.reject(fileName, line, "Crime type is longer than 100 characters");
					ok = false;
				}
				if (crimeId.length() > 128) {
					tally.reject(fileName, line, "Crime ID is longer than 128 characters");
					ok = false;
				}
				if (!ok) {
					return;
				}
				String text = String.join(",", record.getFields());
				boolean fromContent = crimeId.isEmpty();
				String key = crimeId;
				if (fromContent) {
					String digest = contentKey(sha256, record, index);
					int occurrence = occurrences.merge(digest, 1, Integer::sum);
					key = "content:" + digest + ":" + occurrence;
				}
				sink.row(line, new Row(key, fromContent, month, reportedBy, lat, lng, location, lsoa, type), text);
			}

			private String field(CsvRecord record, String column) {
				return record.getField(index.get(column)).strip();
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

	/**
	 * The key of a record without a Crime ID: SHA-256 (first 128 bits, hex) of the row's fields but
	 * the Crime ID, joined by a unit separator; the caller adds the occurrence number of identical
	 * rows in the file, so that two identical incidents in one file stay two records while the same
	 * file imported again gives the same keys.
	 */
	static String contentKey(MessageDigest sha256, CsvRecord record, Map<String, Integer> index) {
		StringBuilder content = new StringBuilder(160);
		for (String column : COLUMNS) {
			if (!column.equals("Crime ID")) {
				content.append(record.getField(index.get(column)).strip()).append('\u001f');
			}
		}
		byte[] digest = sha256.digest(content.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

	/** The first day of a {@code YYYY-MM} month (years 2000-2099), or null. */
	static LocalDate month(String text) {
		if (text.length() != 7 || text.charAt(4) != '-') {
			return null;
		}
		try {
			int year = Integer.parseInt(text.substring(0, 4));
			int month = Integer.parseInt(text.substring(5, 7));
			if (year < 2000 || year > 2099 || month < 1 || month > 12) {
				return null;
			}
			return LocalDate.of(year, month, 1);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static double number(String text, double limit) {
		try {
			double value = Double.parseDouble(text);
			return Double.isFinite(value) && Math.abs(value) <= limit ? value : Double.NaN;
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	static String shorten(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
