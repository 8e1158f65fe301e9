package org.ringfence.duties.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.ringfence.duties.DutyImportReport.Problem;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;

/**
 * Reads a duty import file (see docs/duty-csv.md): UTF-8 with or without a byte order mark, a
 * header row naming the columns in any order and any case, comma or semicolon separated. Checks
 * each row for what needs no database (dates, times, kind, the shape of codes, the rules of
 * {@link NewDuty}) and turns its London local times into instants. A local time that does not
 * exist (the hour skipped when the clocks go forward) is a row problem; a local time that happens
 * twice (when the clocks go back) is taken as the first, British Summer Time.
 */
public final class DutyCsvReader {

	public static final String SERVICE_NUMBER = "service_number";

	public static final String KIND = "kind";

	public static final String DATE = "date";

	public static final String START = "start";

	public static final String END = "end";

	public static final String WARD_CODE = "ward_code";

	public static final String PLACE = "place";

	public static final String ACTIVITY_CODE = "activity_code";

	/** The columns every file must have. */
	public static final List<String> REQUIRED = List.of(SERVICE_NUMBER, KIND, DATE, START, END, ACTIVITY_CODE);

	/** The columns a file may have. */
	public static final List<String> COLUMNS = List.of(SERVICE_NUMBER, KIND, DATE, START, END, WARD_CODE, PLACE,
			ACTIVITY_CODE);

	private static final Pattern SERVICE_NUMBER_SHAPE = Pattern.compile("[A-Z0-9]{4,12}");

	private static final Pattern WARD_CODE_SHAPE = Pattern.compile("[EWSN][0-9]{8}");

	private static final Pattern ACTIVITY_CODE_SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

	private static final ZoneRules LONDON = NewDuty.LONDON.getRules();

	private DutyCsvReader() {
	}

	/** Reads one file; never throws for bad content, every fault is a problem in the result. */
	public static DutyCsvFile read(String name, byte[] content) {
		List<Problem> problems = new ArrayList<>();
		Optional<String> text = decode(name, content, problems);
		if (text.isEmpty()) {
			return new DutyCsvFile(name, 0, List.of(), problems);
		}
		String csv = text.get();
		if (!csv.isEmpty() && csv.charAt(0) == '\uFEFF') {
			csv = csv.substring(1);
		}
		if (csv.isBlank()) {
			problems.add(new Problem(name, 1, "", "the file is empty: a header row naming the columns is required"));
			return new DutyCsvFile(name, 0, List.of(), problems);
		}
		char separator = separator(csv);
		List<DutyCsvRow> rows = new ArrayList<>();
		int rowsRead = 0;
		Map<String, Integer> columns = null;
		int width = 0;
		CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(csv);
		long line = 1;
		try {
			for (CsvRecord record : reader) {
				line = record.getStartingLineNumber();
				if (columns == null) {
					columns = header(name, record, problems);
					width = record.getFieldCount();
					if (!problems.isEmpty()) {
						columns = Map.of();
					}
					continue;
				}
				rowsRead++;
				if (columns.isEmpty()) {
					continue;
				}
				if (record.getFieldCount() != width) {
					problems.add(new Problem(name, line, "", "expected " + width + " fields as in the header, found "
							+ record.getFieldCount()));
					continue;
				}
				row(name, record, columns, problems).ifPresent(rows::add);
			}
		}
		catch (CsvParseException ex) {
			problems.add(new Problem(name, line, "", "the file cannot be read as CSV after this line: "
					+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage())));
		}
		if (columns == null) {
			problems.add(new Problem(name, 1, "", "the file is empty: a header row naming the columns is required"));
		}
		return new DutyCsvFile(name, rowsRead, rows, problems);
	}

	/** Strict UTF-8; a bad byte is a problem on the line where it is. */
	private static Optional<String> decode(String name, byte[] content, List<Problem> problems) {
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
			problems.add(new Problem(name, line, "", "the file is not UTF-8 text (save it as CSV UTF-8)"));
			return Optional.empty();
		}
		decoder.flush(out);
		out.flip();
		return Optional.of(out.toString());
	}

	/** A semicolon when the header row has more semicolons than commas (as spreadsheets save in some locales). */
	static char separator(String csv) {
		int end = csv.indexOf('\n');
		String header = end < 0 ? csv : csv.substring(0, end);
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return semicolons > commas ? ';' : ',';
	}

	private static Map<String, Integer> header(String name, CsvRecord record, List<Problem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String column = record.getField(i).strip().toLowerCase(Locale.ROOT);
			if (column.isEmpty()) {
				problems.add(new Problem(name, 1, "", "column " + (i + 1) + " of the header has no name"));
			}
			else if (!COLUMNS.contains(column)) {
				problems.add(new Problem(name, 1, column, "unknown column: the columns are " + String.join(", ", COLUMNS)));
			}
			else if (columns.putIfAbsent(column, i) != null) {
				problems.add(new Problem(name, 1, column, "the column is named twice"));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				problems.add(new Problem(name, 1, required, "missing column"));
			}
		}
		return columns;
	}

	private static Optional<DutyCsvRow> row(String name, CsvRecord record, Map<String, Integer> columns,
			List<Problem> problems) {
		long line = record.getStartingLineNumber();
		int before = problems.size();
		String serviceNumber = field(record, columns, SERVICE_NUMBER).toUpperCase(Locale.ROOT);
		if (serviceNumber.isEmpty()) {
			problems.add(new Problem(name, line, SERVICE_NUMBER, "a service number is required"));
		}
		else if (!SERVICE_NUMBER_SHAPE.matcher(serviceNumber).matches()) {
			problems.add(new Problem(name, line, SERVICE_NUMBER, "not a service number (4-12 letters and digits)"));
		}
		String kindText = field(record, columns, KIND).toUpperCase(Locale.ROOT);
		DutyKind kind = switch (kindText) {
			case "PLANNED" -> DutyKind.PLANNED;
			case "ACTUAL" -> DutyKind.ACTUAL;
			default -> {
				problems.add(new Problem(name, line, KIND, "kind must be PLANNED or ACTUAL"));
				yield null;
			}
		};
		Optional<LocalDate> date = date(field(record, columns, DATE));
		if (date.isEmpty()) {
			problems.add(new Problem(name, line, DATE, "not a date: write YYYY-MM-DD, e.g. 2031-03-30"));
		}
		Optional<LocalTime> start = time(field(record, columns, START));
		if (start.isEmpty()) {
			problems.add(new Problem(name, line, START, "not a time: write HH:MM (24-hour), e.g. 07:00"));
		}
		Optional<LocalTime> end = time(field(record, columns, END));
		if (end.isEmpty()) {
			problems.add(new Problem(name, line, END, "not a time: write HH:MM (24-hour), e.g. 15:00"));
		}
		String wardText = field(record, columns, WARD_CODE).toUpperCase(Locale.ROOT);
		Optional<String> ward = wardText.isEmpty() ? Optional.empty() : Optional.of(wardText);
		if (ward.isPresent() && !WARD_CODE_SHAPE.matcher(wardText).matches()) {
			problems.add(new Problem(name, line, WARD_CODE, "not a ward code (like E05000137); leave empty for elsewhere"));
		}
		String place = columns.containsKey(PLACE) ? record.getField(columns.get(PLACE)) : "";
		String activityCode = field(record, columns, ACTIVITY_CODE).toUpperCase(Locale.ROOT);
		if (!activityCode.isEmpty() && !ACTIVITY_CODE_SHAPE.matcher(activityCode).matches()) {
			problems.add(new Problem(name, line, ACTIVITY_CODE, "not an activity code (like SN_WARD)"));
		}
		Optional<Instant> startsAt = Optional.empty();
		Optional<Instant> endsAt = Optional.empty();
		if (date.isPresent() && start.isPresent() && end.isPresent()) {
			LocalDate endDate = end.get().isAfter(start.get()) ? date.get() : date.get().plusDays(1);
			startsAt = instant(name, line, START, date.get(), start.get(), problems);
			endsAt = instant(name, line, END, endDate, end.get(), problems);
		}
		if (problems.size() > before || startsAt.isEmpty() || endsAt.isEmpty()) {
			return Optional.empty();
		}
		NewDuty duty = new NewDuty(0, kind, date.get(), startsAt.get(), endsAt.get(), ward, place, activityCode);
		for (String problem : duty.problems()) {
			problems.add(new Problem(name, line, columnOf(problem), problem));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new DutyCsvRow(line, serviceNumber, kind, duty.dutyDate(), duty.startsAt(), duty.endsAt(),
				duty.wardCode(), duty.place(), activityCode));
	}

	private static String field(CsvRecord record, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null ? "" : record.getField(index).strip();
	}

	/** YYYY-MM-DD, a real date, in the years 2000-2099. */
	static Optional<LocalDate> date(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.parse(text);
			return date.getYear() >= 2000 && date.getYear() <= 2099 ? Optional.of(date) : Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** HH:MM or H:MM on the 24-hour clock, 00:00 to 23:59. */
	static Optional<LocalTime> time(String text) {
		int colon = text.indexOf(':');
		if ((colon != 1 && colon != 2) || text.length() != colon + 3) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			if (i != colon && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
				return Optional.empty();
			}
		}
		int hour = Integer.parseInt(text, 0, colon, 10);
		int minute = Integer.parseInt(text, colon + 1, text.length(), 10);
		if (hour > 23 || minute > 59) {
			return Optional.empty();
		}
		return Optional.of(LocalTime.of(hour, minute));
	}

	/**
	 * The instant of a London local time: none (a problem) in the hour skipped in spring, the first
	 * (BST) of the two in the hour repeated in autumn.
	 */
	static Optional<Instant> instant(String name, long line, String column, LocalDate date, LocalTime time,
			List<Problem> problems) {
		LocalDateTime local = LocalDateTime.of(date, time);
		List<ZoneOffset> offsets = LONDON.getValidOffsets(local);
		if (offsets.isEmpty()) {
			problems.add(new Problem(name, line, column, time + " does not exist on " + date
					+ " in London (the clocks go forward from 01:00 to 02:00)"));
			return Optional.empty();
		}
		return Optional.of(local.toInstant(offsets.get(0)));
	}

	private static String columnOf(String problem) {
		if (problem.startsWith("kind")) {
			return KIND;
		}
		if (problem.startsWith("the end") || problem.startsWith("a tour")) {
			return END;
		}
		if (problem.startsWith("the duty date") || problem.startsWith("date")) {
			return DATE;
		}
		if (problem.startsWith("an activity code")) {
			return ACTIVITY_CODE;
		}
		if (problem.startsWith("place")) {
			return PLACE;
		}
		return "";
	}

}
