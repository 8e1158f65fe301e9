package org.ringfence.performance.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.ringfence.performance.EpicMeasure;

/**
 * The EPIC activity CSV: columns {@code ward_code, month, measure, count} and optional
 * {@code priority_id}. month is YYYY-MM; measure is a code of {@link EpicMeasure} (e.g.
 * {@code arrests}); count a whole number 0..100000; priority_id the id of one of the ward's
 * priorities. A natural key (ward, month, measure, priority) may appear once per file.
 */
public final class EpicCsv {

	public static final List<String> COLUMNS = List.of("ward_code", "month", "measure", "count", "priority_id");

	public static final int MAX_COUNT = 100_000;

	private EpicCsv() {
	}

	/** One entry read from a row. */
	public record Entry(long line, String wardCode, YearMonth month, EpicMeasure measure, Optional<Long> priorityId,
			int count) {

		public List<Object> key() {
			return List.of(this.wardCode, this.month, this.measure, this.priorityId.orElse(0L));
		}

	}

	public record Parsed(List<Entry> entries, List<RowError> errors) {
	}

	/**
	 * Reads and checks every row; {@code knownWard} says whether a ward code exists. Scope and
	 * priority checks are the caller's (they need the user and the neighbourhood module).
	 */
	public static Parsed parse(byte[] content, Predicate<String> knownWard) {
		CsvTable table = CsvTable.read(content, new LinkedHashSet<>(COLUMNS),
				Set.of("ward_code", "month", "measure", "count"));
		List<RowError> errors = new ArrayList<>(table.errors());
		List<Entry> entries = new ArrayList<>();
		Map<List<Object>, Long> seen = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			int before = errors.size();
			String ward = row.get("ward_code").toUpperCase(java.util.Locale.ROOT);
			if (ward.isEmpty()) {
				errors.add(new RowError(row.line(), "ward_code", "a ward code is required"));
			}
			else if (!knownWard.test(ward)) {
				errors.add(new RowError(row.line(), "ward_code", "no such ward: " + CsvTable.shorten(ward)));
			}
			YearMonth month = null;
			try {
				month = YearMonth.parse(row.get("month"));
			}
			catch (DateTimeParseException ex) {
				errors.add(new RowError(row.line(), "month", "must look like 2026-10"));
			}
			Optional<EpicMeasure> measure = EpicMeasure.ofCode(row.get("measure"));
			if (measure.isEmpty()) {
				errors.add(new RowError(row.line(), "measure", "unknown measure " + CsvTable.shorten(row.get("measure"))
						+ "; the measures are " + String.join(", ", java.util.Arrays.stream(EpicMeasure.values()).map(EpicMeasure::code).toList())));
			}
			Integer count = null;
			try {
				count = Integer.parseInt(row.get("count"));
				if (count < 0 || count > MAX_COUNT) {
					errors.add(new RowError(row.line(), "count", "must be between 0 and " + MAX_COUNT));
				}
			}
			catch (NumberFormatException ex) {
				errors.add(new RowError(row.line(), "count", "not a whole number: " + CsvTable.shorten(row.get("count"))));
			}
			Long priority = CsvTable.positiveLong(row, "priority_id", errors);
			if (errors.size() > before) {
				continue;
			}
			Entry entry = new Entry(row.line(), ward, month, measure.get(), Optional.ofNullable(priority), count);
			Long first = seen.putIfAbsent(entry.key(), row.line());
			if (first != null) {
				errors.add(new RowError(row.line(), "", "the same ward, month, measure and priority as line " + first));
				continue;
			}
			entries.add(entry);
		}
		return new Parsed(entries, errors);
	}

}
