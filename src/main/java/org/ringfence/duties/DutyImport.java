package org.ringfence.duties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ringfence.duties.DutyImportReport.Problem;
import org.ringfence.duties.domain.DutyCsvFile;
import org.ringfence.duties.domain.DutyCsvReader;
import org.ringfence.duties.persistence.DutyImportQueries;
import org.ringfence.duties.persistence.DutyImportQueries.FoundProblem;
import org.ringfence.duties.persistence.DutyImportQueries.StagedFile;
import org.ringfence.identity.AccessPolicy;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeType;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.Metrics;
import org.ringfence.platform.StateChange;
import org.ringfence.workforce.WorkforceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports duty records from CSV files (docs/duty-csv.md), all or nothing: every row of every file
 * is checked (its own fields, the person, activity code and ward, the same tour twice, tours of the
 * same person that overlap in the files or with stored duties, and the user's scope) and if any
 * row is rejected nothing is stored and the report lists why. Rows already stored exactly as sent
 * are unchanged, so sending a file again stores nothing new.
 */
@Service
public class DutyImport {

	private static final Logger log = LoggerFactory.getLogger(DutyImport.class);

	/** Why a row of someone outside the user's scope, or of an unknown service number, is rejected (the same words). */
	static final String OUT_OF_SCOPE = "no one posted in your scope today has this service number, so you cannot import duties for it";

	private final DutyImportQueries queries;

	private final WorkforceService workforce;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	private final Metrics metrics;

	DutyImport(DutyImportQueries queries, WorkforceService workforce, CurrentAccess access,
			ApplicationEventPublisher events, Metrics metrics) {
		this.queries = queries;
		this.workforce = workforce;
		this.access = access;
		this.events = events;
		this.metrics = metrics;
	}

	/** One uploaded file: its (safe) name and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	/**
	 * Reads, checks and (unless a dry run) stores the duties of the files.
	 * @throws InvalidInput with the report when any row is rejected (nothing stored)
	 */
	@Transactional
	public DutyImportReport importFiles(List<Upload> uploads, boolean dryRun) {
		long started = System.nanoTime();
		RingfenceUser user = this.access.user();
		List<String> names = distinctNames(uploads);
		List<Problem> problems = new ArrayList<>();
		List<StagedFile> staged = new ArrayList<>();
		int rowsRead = 0;
		int rowsStaged = 0;
		for (int i = 0; i < uploads.size(); i++) {
			DutyCsvFile file = DutyCsvReader.read(names.get(i), uploads.get(i).content());
			rowsRead += file.rowsRead();
			rowsStaged += file.rows().size();
			problems.addAll(file.problems());
			staged.add(new StagedFile(i + 1, file.rows()));
		}
		log.debug("Duty import: parsed after {} ms", millisSince(started));
		int unchanged = 0;
		if (rowsStaged > 0) {
			this.queries.stage(staged, this.workforce.personIdsByServiceNumber());
			log.debug("Duty import: staged after {} ms", millisSince(started));
			Set<Long> outOfScope = outOfScope(user);
			for (FoundProblem found : this.queries.problems(names)) {
				if (found.personId() == null && found.column().equals("service_number") && !user.hasForceScope()) {
					// the same answer as for someone posted elsewhere: a borough user learns nothing of other boroughs
					problems.add(problem(names, found).withReason(OUT_OF_SCOPE));
				}
				else if (found.personId() == null || !outOfScope.contains(found.personId())) {
					problems.add(problem(names, found));
				}
			}
			if (!outOfScope.isEmpty()) {
				this.queries.rowsOf(outOfScope, OUT_OF_SCOPE).forEach(found -> problems.add(problem(names, found)));
			}
			log.debug("Duty import: checked after {} ms", millisSince(started));
			unchanged = this.queries.countStored();
			log.debug("Duty import: counted after {} ms", millisSince(started));
		}
		if (!problems.isEmpty()) {
			if (!dryRun) {
				this.metrics.importRows("duties", "rejected", problems.stream().map(p -> p.file() + "\n" + p.line()).distinct().count());
			}
			throw rejected(names, dryRun, rowsRead, unchanged, problems, started);
		}
		int stored;
		if (dryRun) {
			stored = rowsStaged - unchanged;
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		else {
			stored = rowsStaged == 0 ? 0 : this.queries.insertNew(names, user.getUsername());
			log.debug("Duty import: inserted after {} ms", millisSince(started));
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("files", names);
			after.put("rowsRead", rowsRead);
			after.put("stored", stored);
			after.put("unchanged", unchanged);
			this.metrics.importRows("duties", "stored", stored);
			this.metrics.importRows("duties", "unchanged", unchanged);
			if (stored > 0) { // an import that stores nothing changes nothing, so there is nothing to audit
				this.events.publishEvent(StateChange.created("duty import", UUID.randomUUID().toString(),
						onlyBorough(user).orElse(null), after));
			}
		}
		return new DutyImportReport(names, dryRun, rowsRead, stored, unchanged, 0, 0, List.of(), millisSince(started));
	}

	/** The people in the staged rows whom the user's scope does not cover where they are posted today. */
	private Set<Long> outOfScope(RingfenceUser user) {
		if (user.hasForceScope()) {
			return Set.of();
		}
		Set<Long> outside = new HashSet<>();
		for (Long person : this.queries.stagedPeople()) {
			if (!AccessPolicy.coversPerson(user.scopes(), person, this.workforce.currentPlace(person))) {
				outside.add(person);
			}
		}
		return outside;
	}

	private InvalidInput rejected(List<String> names, boolean dryRun, int rowsRead, int unchanged,
			List<Problem> problems, long started) {
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			order.put(names.get(i), i);
		}
		problems.sort(Comparator.<Problem>comparingInt(p -> order.getOrDefault(p.file(), 0))
			.thenComparingLong(Problem::line)
			.thenComparing(Problem::column));
		long rejectedRows = problems.stream().map(p -> p.file() + "\n" + p.line()).distinct().count();
		List<Problem> listed = problems.subList(0, Math.min(problems.size(), DutyImportReport.MAX_LISTED));
		DutyImportReport report = new DutyImportReport(names, dryRun, rowsRead, 0, unchanged, (int) rejectedRows,
				problems.size(), listed, millisSince(started));
		return new InvalidInput(rejectedRows + " row(s) rejected with " + problems.size()
				+ " problem(s); nothing was imported. Fix them and send the whole file again.",
				listed.stream()
					.map(p -> new InvalidInput.FieldError(p.file() + " line " + p.line()
							+ (p.column().isEmpty() ? "" : ", column " + p.column()), p.reason()))
					.toList(),
				report);
	}

	private static Problem problem(List<String> names, FoundProblem found) {
		return new Problem(names.get(found.fileNo() - 1), found.line(), found.column(), found.reason());
	}

	/** The file names, made distinct ("roster.csv", "roster.csv (2)") so that every problem names one file. */
	private static List<String> distinctNames(List<Upload> uploads) {
		List<String> names = new ArrayList<>();
		for (Upload upload : uploads) {
			String name = upload.name();
			int n = 1;
			while (names.contains(name)) {
				name = upload.name() + " (" + ++n + ")";
			}
			names.add(name);
		}
		return names;
	}

	private static Optional<String> onlyBorough(RingfenceUser user) {
		List<String> boroughs = user.scopes()
			.stream()
			.filter(s -> s.type() == ScopeType.BOROUGH)
			.map(Scope::code)
			.toList();
		return boroughs.size() == 1 ? Optional.of(boroughs.get(0)) : Optional.empty();
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
