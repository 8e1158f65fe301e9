package org.ringfence.demand;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.DoubleConsumer;

import org.ringfence.demand.domain.CadCallsCsv;
import org.ringfence.demand.domain.Categories;
import org.ringfence.demand.domain.ImportReport;
import org.ringfence.demand.domain.ImportTally;
import org.ringfence.demand.domain.LondonTime;
import org.ringfence.demand.domain.MpsWardCrimeCsv;
import org.ringfence.demand.domain.PoliceUkStreetCsv;
import org.ringfence.demand.domain.UnmatchedReason;
import org.ringfence.demand.domain.WardPlacement;
import org.ringfence.demand.persistence.BinaryCopy;
import org.ringfence.demand.persistence.DemandWriteQueries;
import org.ringfence.demand.persistence.DemandWriteQueries.MpsLine;

import org.springframework.stereotype.Component;

/**
 * The three imports, each run in the caller's transaction: read every file row by row (streamed
 * into a staging table with binary COPY), place each row in a ward, and, unless a row or file was
 * rejected, move the staged rows into the records and the monthly totals. One import runs at a time
 * (a database lock), so the counts of the report are exact.
 */
@Component
class ImportPipelines {

	/** Share of the progress bar for reading the files; the rest is storing. */
	static final double READING = 0.85;

	private final DemandWriteQueries writes;

	private final LondonLookups lookups;

	ImportPipelines(DemandWriteQueries writes, LondonLookups lookups) {
		this.writes = writes;
		this.lookups = lookups;
	}

	/** What a job imports. */
	record Job(UUID id, ImportKind kind, List<ImportUpload> uploads, Map<String, String> mapping) {
	}

	/**
	 * Runs the import; the caller commits its transaction afterwards.
	 * @throws ImportRejected when a file or row is refused (the caller rolls back)
	 */
	ImportReport run(Job job, DoubleConsumer progress) {
		long started = System.nanoTime();
		this.writes.lockImports();
		WardPlacement placement = this.lookups.placement();
		Reading reading = new Reading(job.uploads(), progress);
		return switch (job.kind()) {
			case POLICE_UK_STREET -> policeUk(job, placement, reading, started);
			case MPS_WARD_CRIME -> mps(job, placement, reading, started);
			case CAD_CALLS -> calls(job, placement, reading, started);
		};
	}

	// ------------------------------------------------------------------ data.police.uk

	private ImportReport policeUk(Job job, WardPlacement placement, Reading reading, long started) {
		ImportTally tally = new ImportTally();
		Map<String, Boolean> categories = new HashMap<>();
		Map<String, Long> placedBy = new LinkedHashMap<>();
		TreeSet<LocalDate> months = new TreeSet<>();
		long[] staged = new long[3]; // rows, crime rows, ASB rows
		this.writes.stageCrimes(copy -> {
			for (int f = 0; f < reading.size(); f++) {
				String name = reading.name(f);
				try (InputStream in = reading.open(f)) {
					long rows = PoliceUkStreetCsv.read(name, in, tally, (line, row, text) -> {
						if (tally.hasRejections()) {
							return;
						}
						WardPlacement.Placement placed = placement.byLsoa(row.lsoa(), row.latitude(), row.longitude());
						if (!placed.placed()) {
							tally.unmatched(name, line, placed.unmatched(), text);
							return;
						}
						categories.putIfAbsent(row.crimeType(), Categories.isAsb(row.crimeType()));
						placedBy.merge(placed.method().code(), 1L, Long::sum);
						months.add(row.month());
						staged[0]++;
						staged[row.asb() ? 2 : 1]++;
						write(() -> copy.row(9)
							.int4((int) staged[0])
							.text(row.crimeKey())
							.date(LondonTime.postgresDays(row.month()))
							.text(placed.wardCode())
							.text(row.crimeType())
							.text(row.lsoa().isEmpty() ? null : row.lsoa())
							.float8OrNull(row.latitude())
							.float8OrNull(row.longitude())
							.text(placed.method().code()));
					});
					tally.fileRead(name, rows);
				}
			}
		});
		rejectIfAny(tally, started);
		long read = millisSince(started);
		reading.stored();
		this.writes.ensureCategories(categories);
		long stored = this.writes.insertStagedCrimes(job.id());
		tally.detail("timingsMs", Map.of("readAndStage", read, "store", millisSince(started) - read));
		tally.detail("placedBy", placedBy);
		tally.detail("crimeRows", staged[1]);
		tally.detail("asbRows", staged[2]);
		tally.detail("months", months.stream().map(m -> m.toString().substring(0, 7)).toList());
		return tally.report(stored, staged[0] - stored, 0, millisSince(started));
	}

	// ------------------------------------------------------------------ the Met's ward counts

	private ImportReport mps(Job job, WardPlacement placement, Reading reading, long started) {
		ImportTally tally = new ImportTally();
		Map<String, Boolean> categories = new HashMap<>();
		Map<String, List<MpsWardCrimeCsv.Row>> byKey = new HashMap<>();
		TreeSet<LocalDate> months = new TreeSet<>();
		long[] counts = new long[3]; // lines staged, lines all repeated, crimes
		java.util.Set<String> wards = new java.util.HashSet<>();
		this.writes.stageMps(copy -> {
			for (int f = 0; f < reading.size(); f++) {
				String name = reading.name(f);
				int fileNo = f + 1;
				try (InputStream in = reading.open(f)) {
					long rows = MpsWardCrimeCsv.read(name, in, tally, (line, row, text) -> {
						if (tally.hasRejections()) {
							return;
						}
						if (!placement.isMetWard(row.wardCode())) {
							tally.unmatched(name, line, UnmatchedReason.UNKNOWN_WARD, text);
							return;
						}
						String key = row.wardCode() + '\u001f' + row.major() + '\u001f' + row.minor();
						List<MpsWardCrimeCsv.Row> earlier = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
						boolean[] repeat = new boolean[row.months().size()];
						for (MpsWardCrimeCsv.Row before : earlier) {
							for (int m = 0; m < row.months().size(); m++) {
								int at = before.months().indexOf(row.months().get(m));
								if (at >= 0) {
									if (before.counts()[at] != row.counts()[m]) {
										tally.reject(name, line, row.minor() + " in " + row.wardCode() + ", "
												+ row.months().get(m).toString().substring(0, 7) + ": " + row.counts()[m]
												+ " crimes here, " + before.counts()[at] + " on an earlier line");
										return;
									}
									repeat[m] = true;
								}
							}
						}
						earlier.add(row);
						categories.putIfAbsent(row.minor(), Boolean.FALSE);
						wards.add(row.wardCode());
						boolean any = false;
						for (int m = 0; m < repeat.length; m++) {
							if (repeat[m]) {
								continue;
							}
							any = true;
							int month = m;
							months.add(row.months().get(m));
							counts[2] += row.counts()[m];
							write(() -> copy.row(7)
								.int4(fileNo)
								.int4((int) line)
								.text(row.wardCode())
								.date(LondonTime.postgresDays(row.months().get(month)))
								.text(row.major())
								.text(row.minor())
								.int4(row.counts()[month]));
						}
						counts[any ? 0 : 1]++;
					});
					tally.fileRead(name, rows);
				}
			}
		});
		rejectIfAny(tally, started);
		long read = millisSince(started);
		reading.stored();
		this.writes.ensureCategories(categories);
		List<MpsLine> lines = this.writes.applyStagedMps(job.id());
		tally.detail("timingsMs", Map.of("readAndStage", read, "store", millisSince(started) - read));
		long stored = lines.stream().filter(MpsLine::anyNew).count();
		long revised = lines.stream().filter(l -> !l.anyNew() && l.anyChanged()).count();
		long duplicate = lines.size() - stored - revised + counts[1];
		tally.detail("crimes", counts[2]);
		tally.detail("wards", wards.size());
		tally.detail("months", months.stream().map(m -> m.toString().substring(0, 7)).toList());
		return tally.report(stored, duplicate, revised, millisSince(started));
	}

	// ------------------------------------------------------------------ CAD calls

	private ImportReport calls(Job job, WardPlacement placement, Reading reading, long started) {
		ImportTally tally = new ImportTally();
		Map<String, Boolean> categories = new HashMap<>();
		long[] counts = new long[4]; // staged, by ward code, by coordinates, ASB
		TreeSet<LocalDate> months = new TreeSet<>();
		this.writes.stageCalls(copy -> {
			for (int f = 0; f < reading.size(); f++) {
				String name = reading.name(f);
				try (InputStream in = reading.open(f)) {
					long rows = CadCallsCsv.read(name, in, job.mapping(), tally, (line, row, text) -> {
						if (tally.hasRejections()) {
							return;
						}
						WardPlacement.Placement placed = placement.byWardCode(row.wardCode(), row.latitude(),
								row.longitude());
						if (!placed.placed()) {
							tally.unmatched(name, line, placed.unmatched(), text.get());
							return;
						}
						Boolean asb = categories.get(row.category());
						if (asb == null) {
							asb = Categories.isAsb(row.category());
							categories.put(row.category(), asb);
						}
						counts[0]++;
						counts[placed.method() == WardPlacement.Method.WARD_CODE ? 1 : 2]++;
						if (asb) {
							counts[3]++;
						}
						LondonTime.Received received = row.received();
						if (months.isEmpty() || !months.contains(received.month())) {
							months.add(received.month());
						}
						write(() -> {
							copy.row(10)
								.text(row.reference())
								.timestamptz(received.postgresMicros())
								.date(LondonTime.postgresDays(received.month()))
								.int2(received.hourOfWeek())
								.text(placed.wardCode())
								.text(row.category())
								.text(row.grade());
							if (row.timeOnScene() < 0) {
								copy.nullValue();
							}
							else {
								copy.int4(row.timeOnScene());
							}
							copy.float8OrNull(row.latitude()).float8OrNull(row.longitude());
						});
					});
					tally.fileRead(name, rows);
				}
			}
		});
		rejectIfAny(tally, started);
		long read = millisSince(started);
		reading.stored();
		this.writes.ensureCategories(categories);
		long stored = this.writes.insertStagedCalls(job.id(), false);
		tally.detail("timingsMs", Map.of("readAndStage", read, "store", millisSince(started) - read));
		Map<String, Long> placedBy = new LinkedHashMap<>();
		placedBy.put(WardPlacement.Method.WARD_CODE.code(), counts[1]);
		placedBy.put(WardPlacement.Method.COORDINATES.code(), counts[2]);
		tally.detail("placedBy", placedBy);
		tally.detail("asbCalls", counts[3]);
		tally.detail("months", months.stream().map(m -> m.toString().substring(0, 7)).toList());
		return tally.report(stored, counts[0] - stored, 0, millisSince(started));
	}

	// ------------------------------------------------------------------ helpers

	private static void rejectIfAny(ImportTally tally, long started) {
		if (tally.hasRejections()) {
			ImportReport report = tally.report(0, 0, 0, millisSince(started));
			long rows = tally.rejectedRows();
			throw new ImportRejected((rows > 0 ? rows + " row(s) rejected" : "The file was rejected")
					+ "; nothing was imported. Fix the problems listed and send the files again.", report);
		}
	}

	/** A write to the COPY stream that cannot throw a checked exception through the readers' callbacks. */
	@FunctionalInterface
	interface CopyWrite {

		void run() throws SQLException;

	}

	static void write(CopyWrite write) {
		try {
			write.run();
		}
		catch (SQLException ex) {
			throw new CopyFailed(ex);
		}
	}

	/** A COPY that failed while rows were being read. */
	static final class CopyFailed extends RuntimeException {

		CopyFailed(SQLException cause) {
			super(cause.getMessage(), cause);
		}

	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** The files of a job, their distinct names, and the progress of reading them. */
	static final class Reading {

		private final List<ImportUpload> uploads;

		private final List<String> names;

		private final DoubleConsumer progress;

		private final long totalBytes;

		private long bytesBefore;

		Reading(List<ImportUpload> uploads, DoubleConsumer progress) {
			this.uploads = uploads;
			this.names = distinctNames(uploads);
			this.progress = progress;
			this.totalBytes = Math.max(1, uploads.stream().mapToLong(ImportUpload::bytes).sum());
		}

		int size() {
			return this.uploads.size();
		}

		String name(int file) {
			return this.names.get(file);
		}

		InputStream open(int file) throws IOException {
			long before = this.bytesBefore;
			this.bytesBefore += this.uploads.get(file).bytes();
			InputStream in = Files.newInputStream(this.uploads.get(file).file());
			return new FilterInputStream(new java.io.BufferedInputStream(in, 1 << 16)) {

				private long read;

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = super.read(buffer, off, len);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) {
					this.read += n;
					Reading.this.progress.accept(READING * (before + this.read) / Reading.this.totalBytes);
				}

			};
		}

		void stored() {
			this.progress.accept(READING);
		}

		static List<String> distinctNames(List<ImportUpload> uploads) {
			List<String> names = new ArrayList<>();
			for (ImportUpload upload : uploads) {
				String name = upload.name();
				int n = 1;
				while (names.contains(name)) {
					name = upload.name() + " (" + ++n + ")";
				}
				names.add(name);
			}
			return names;
		}

	}

}
