package org.ringfence.demand.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an import's rows as they are read: rejections (with the first {@link #MAX_REJECTIONS}
 * listed) and unmatched rows by reason (with {@link #EXAMPLES_PER_REASON} examples each). Not thread-safe.
 */
public final class ImportTally {

	public static final int MAX_REJECTIONS = 200;

	public static final int EXAMPLES_PER_REASON = 5;

	private final List<ImportReport.FileRows> files = new ArrayList<>();

	private final List<ImportReport.Rejection> rejections = new ArrayList<>();

	private final Map<UnmatchedReason, Long> unmatched = new EnumMap<>(UnmatchedReason.class);

	private final List<ImportReport.Example> examples = new ArrayList<>();

	private final Map<UnmatchedReason, Integer> examplesByReason = new EnumMap<>(UnmatchedReason.class);

	private final Map<String, Object> details = new LinkedHashMap<>();

	private long rowsRead;

	private long rejectedRows;

	private long lastRejectedLine = -1;

	private String lastRejectedFile;

	public void fileRead(String name, long rows) {
		this.files.add(new ImportReport.FileRows(name, rows));
		this.rowsRead += rows;
	}

	/**
	 * A problem with a row (line > 1), the header (line 1) or the whole file (line 0). A row counts
	 * once however many problems it has.
	 */
	public void reject(String file, long line, String reason) {
		if (line > 1 && !(line == this.lastRejectedLine && file.equals(this.lastRejectedFile))) {
			this.rejectedRows++;
			this.lastRejectedLine = line;
			this.lastRejectedFile = file;
		}
		if (this.rejections.size() < MAX_REJECTIONS) {
			this.rejections.add(new ImportReport.Rejection(file, line, reason));
		}
	}

	public void unmatched(String file, long line, UnmatchedReason reason, String row) {
		this.unmatched.merge(reason, 1L, Long::sum);
		int shown = this.examplesByReason.getOrDefault(reason, 0);
		if (shown < EXAMPLES_PER_REASON) {
			this.examplesByReason.put(reason, shown + 1);
			this.examples.add(new ImportReport.Example(file, line, reason.code(),
					row.length() > 300 ? row.substring(0, 300) + "..." : row));
		}
	}

	/** Adds to a kind-specific figure of the report. */
	public void detail(String name, Object value) {
		this.details.put(name, value);
	}

	public void count(String name, long add) {
		this.details.merge(name, add, (a, b) -> ((Long) a) + ((Long) b));
	}

	public boolean hasRejections() {
		return !this.rejections.isEmpty();
	}

	public long rowsRead() {
		return this.rowsRead;
	}

	public long unmatchedRows() {
		return this.unmatched.values().stream().mapToLong(Long::longValue).sum();
	}

	public long rejectedRows() {
		return this.rejectedRows;
	}

	public ImportReport report(long stored, long duplicate, long revised, long durationMs) {
		List<ImportReport.ReasonCount> byReason = new ArrayList<>();
		this.unmatched.forEach((reason, rows) -> byReason.add(new ImportReport.ReasonCount(reason.code(),
				reason.description(), rows)));
		long rejectedTotal = this.rejectedRows == 0 && !this.rejections.isEmpty() ? 0 : this.rejectedRows;
		return new ImportReport(List.copyOf(this.files), this.rowsRead, stored, duplicate, revised,
				new ImportReport.Unmatched(unmatchedRows(), byReason, List.copyOf(this.examples)),
				new ImportReport.Rejected(rejectedTotal, List.copyOf(this.rejections)), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(this.details)),
				durationMs);
	}

}
