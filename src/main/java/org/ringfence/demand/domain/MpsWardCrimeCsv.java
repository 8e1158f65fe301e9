package org.ringfence.demand.domain;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads the Met's published ward-level monthly crime counts (MPS "Ward Level Crime" file): the
 * columns MajorText, MinorText, WardName, WardCode and LookUp_BoroughName (any order, any case),
 * then one column per month named {@code YYYYMM} holding the count of recorded crimes of that
 * category in that ward and month. A row is rejected when a count is not a whole number of 0 or
 * more, when it has no ward code or category, or a different number of fields from the header.
 */
public final class MpsWardCrimeCsv {

	public static final String MAJOR = "MajorText";

	public static final String MINOR = "MinorText";

	public static final String WARD_NAME = "WardName";

	public static final String WARD_CODE = "WardCode";

	public static final String BOROUGH = "LookUp_BoroughName";

	public static final List<String> COLUMNS = List.of(MAJOR, MINOR, WARD_NAME, WARD_CODE, BOROUGH);

	private static final Pattern MONTH_COLUMN = Pattern.compile("(20[0-9]{2})(0[1-9]|1[0-2])");

	private static final Pattern WARD_CODE_SHAPE = Pattern.compile("[EWSN][0-9]{8}");

	/** One row: a ward and category with its count per month (in the order of {@code months}). */
	public record Row(String major, String minor, String wardName, String wardCode, String borough,
			List<LocalDate> months, int[] counts) {

		public long total() {
			long sum = 0;
			for (int count : this.counts) {
				sum += count;
			}
			return sum;
		}

	}

	@FunctionalInterface
	public interface Sink {

		void row(long line, Row row, String text);

	}

	private MpsWardCrimeCsv() {
	}

	public static long read(String fileName, InputStream in, ImportTally tally, Sink sink) {
		Map<String, Integer> index = new HashMap<>();
		List<LocalDate> months = new ArrayList<>();
		List<Integer> monthColumns = new ArrayList<>();
		CsvFileReader.Outcome outcome = CsvFileReader.read(in, new CsvFileReader.Handler() {

			int width;

			@Override
			public List<String> header(List<String> names) {
				this.width = names.size();
				List<String> problems = new ArrayList<>();
				Map<String, String> known = new HashMap<>();
				COLUMNS.forEach(c -> known.put(CsvFileReader.normalise(c), c));
				for (int i = 0; i < names.size(); i++) {
					String raw = names.get(i).strip();
					String column = known.get(CsvFileReader.normalise(raw));
					var month = MONTH_COLUMN.matcher(raw);
					if (column != null) {
						if (index.putIfAbsent(column, i) != null) {
							problems.add("the column '" + column + "' is named twice");
						}
					}
					else if (month.matches()) {
						LocalDate first = LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1);
						if (months.contains(first)) {
							problems.add("the month column '" + raw + "' is named twice");
						}
						months.add(first);
						monthColumns.add(i);
					}
					else {
						problems.add("unknown column '" + raw + "': the Met's ward-level file has the columns "
								+ String.join(", ", COLUMNS) + ", then one column per month named YYYYMM (202004)");
					}
				}
				for (String column : COLUMNS) {
					if (!index.containsKey(column)) {
						problems.add("missing column '" + column + "'");
					}
				}
				if (months.isEmpty()) {
					problems.add("no month columns: after the five named columns comes one column per month, named YYYYMM");
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
				String major = field(record, MAJOR);
				String minor = field(record, MINOR);
				String wardCode = field(record, WARD_CODE).toUpperCase(java.util.Locale.ROOT);
				boolean ok = true;
				if (major.isEmpty() || minor.isEmpty()) {
					tally.reject(fileName, line, "MajorText and MinorText (the category) are required");
					ok = false;
				}
				else if (major.length() > 100 || minor.length() > 100) {
					tally.reject(fileName, line, "MajorText and MinorText must be at most 100 characters");
					ok = false;
				}
				if (wardCode.isEmpty()) {
					tally.reject(fileName, line, "WardCode is required");
					ok = false;
				}
				else if (wardCode.length() > 20) {
					tally.reject(fileName, line, "WardCode is longer than 20 characters");
					ok = false;
				}
				int[] counts = new int[months.size()];
				for (int m = 0; m < counts.length; m++) {
					String text = record.getField(monthColumns.get(m)).strip();
					int count = count(text);
					if (count < 0) {
						tally.reject(fileName, line, "the count for " + months.get(m).toString().substring(0, 7) + " ('"
								+ PoliceUkStreetCsv.shorten(text) + "') is not a whole number of 0 or more");
						ok = false;
					}
					counts[m] = count;
				}
				if (ok) {
					sink.row(line, new Row(major, minor, field(record, WARD_NAME), wardCode, field(record, BOROUGH),
							months, counts), String.join(",", record.getFields()));
				}
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

	/** Whether the text is shaped like a GSS ward code (E05000137). */
	public static boolean wardCodeShape(String code) {
		return WARD_CODE_SHAPE.matcher(code).matches();
	}

	/** A whole number 0..10,000,000, or -1. */
	static int count(String text) {
		if (text.isEmpty() || text.length() > 8) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
