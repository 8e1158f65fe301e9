package org.ringfence.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.performance.domain.EpicCsv;
import org.ringfence.performance.domain.PriorityLinking;
import org.ringfence.performance.domain.RowError;
import org.ringfence.performance.persistence.ActivityQueries;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EPIC activity: monthly counts per team (ward) and measure, optionally against a ward priority,
 * entered by the ward's sergeant (or its inspector) through the form, the API or a CSV import.
 * Every way in is all-or-nothing and idempotent: a count replaces the count of the same ward,
 * month, measure and priority.
 */
@Service
public class EpicActivities {

	private final ActivityQueries queries;

	private final GeographyService geography;

	private final PerformanceScope scope;

	private final ObjectProvider<PriorityLookup> priorities;

	private final ApplicationEventPublisher events;

	EpicActivities(ActivityQueries queries, GeographyService geography, PerformanceScope scope,
			ObjectProvider<PriorityLookup> priorities, ApplicationEventPublisher events) {
		this.queries = queries;
		this.geography = geography;
		this.scope = scope;
		this.priorities = priorities;
		this.events = events;
	}

	/** One count to record. */
	public record Entry(String wardCode, YearMonth month, EpicMeasure measure, Optional<Long> priorityId, int count) {

		public Entry {
			priorityId = priorityId == null ? Optional.empty() : priorityId;
		}

	}

	/** What a recording or import did. */
	public record Recorded(int rows, int created, int replaced, int unchanged, List<String> wards, List<String> months) {
	}

	/** A stored count. */
	public record Count(String wardCode, String month, String measure, String measureLabel, String category,
			Optional<Long> priorityId, int count, boolean synthetic, String recordedBy) {
	}

	public Optional<PriorityLookup> priorityLookup() {
		return Optional.ofNullable(this.priorities.getIfAvailable());
	}

	/** Records counts (API and form): every one checked first; nothing stored if any is refused. */
	@Transactional
	public Recorded record(List<Entry> entries) {
		if (entries.isEmpty()) {
			throw new InvalidInput("Give at least one count.", List.of(new InvalidInput.FieldError("entries", "empty")));
		}
		List<EpicCsv.Entry> rows = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		Set<String> known = this.geography.wardNames().keySet();
		Map<List<Object>, Integer> seen = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			String where = "entries[" + i + "]";
			if (e.wardCode() == null || !known.contains(e.wardCode())) {
				errors.add(new RowError(i + 1, "wardCode", "no such ward"));
				continue;
			}
			if (e.month() == null || e.measure() == null) {
				errors.add(new RowError(i + 1, "month/measure", "month and measure are required"));
				continue;
			}
			if (e.count() < 0 || e.count() > EpicCsv.MAX_COUNT) {
				errors.add(new RowError(i + 1, "count", "must be between 0 and " + EpicCsv.MAX_COUNT));
				continue;
			}
			EpicCsv.Entry row = new EpicCsv.Entry(i + 1, e.wardCode(), e.month(), e.measure(), e.priorityId(), e.count());
			if (seen.putIfAbsent(row.key(), i) != null) {
				errors.add(new RowError(i + 1, "", where + " repeats entries[" + seen.get(row.key()) + "]"));
				continue;
			}
			rows.add(row);
		}
		if (!errors.isEmpty()) {
			throw invalid("Some counts cannot be recorded; nothing was stored.", errors, "entry");
		}
		return store(rows, "EPIC activity recorded");
	}

	/** Imports a CSV file of counts (columns: see {@link EpicCsv}); all-or-nothing. */
	@Transactional
	public Recorded importCsv(byte[] content) {
		Set<String> known = this.geography.wardNames().keySet();
		EpicCsv.Parsed parsed = EpicCsv.parse(content, known::contains);
		if (!parsed.errors().isEmpty()) {
			throw invalid("The file has " + parsed.errors().size() + " problem(s); nothing was imported.", parsed.errors(),
					"line");
		}
		if (parsed.entries().isEmpty()) {
			throw new InvalidInput("The file has no rows.", List.of(new InvalidInput.FieldError("line 2", "no rows")));
		}
		return store(parsed.entries(), "EPIC activity imported");
	}

	private Recorded store(List<EpicCsv.Entry> rows, String action) {
		Map<String, Place> places = new HashMap<>();
		List<String> outside = new ArrayList<>();
		for (EpicCsv.Entry row : rows) {
			Place place = places.computeIfAbsent(row.wardCode(), this.geography::placeOfWard);
			if (!this.scope.coversWard(place)) {
				outside.add(row.wardCode());
			}
		}
		if (!outside.isEmpty()) {
			throw new ScopeDenied("Ward(s) outside your scope: " + String.join(", ", outside.stream().distinct().limit(10).toList()) + ".");
		}
		Optional<PriorityLookup> lookup = priorityLookup();
		List<String> refusals = new ArrayList<>();
		for (EpicCsv.Entry row : rows) {
			row.priorityId()
				.flatMap(p -> PriorityLinking.refusal(lookup, row.wardCode(), p))
				.ifPresent(reason -> refusals.add("line " + row.line() + ": " + reason));
		}
		if (!refusals.isEmpty()) {
			boolean absent = lookup.isEmpty();
			throw new DomainRuleViolation(absent ? "priorities-not-available" : "priority-link-refused",
					absent ? PriorityLinking.NOT_AVAILABLE : "Some counts link to priorities they cannot link to; nothing was stored.",
					refusals);
		}
		Set<String> wards = new java.util.TreeSet<>();
		Set<LocalDate> months = new java.util.TreeSet<>();
		rows.forEach(r -> {
			wards.add(r.wardCode());
			months.add(r.month().atDay(1));
		});
		Map<List<Object>, ActivityQueries.Stored> before = new HashMap<>();
		for (ActivityQueries.Stored s : this.queries.of(wards, months)) {
			before.put(List.of(s.wardCode(), YearMonth.from(s.month()), EpicMeasure.ofCode(s.measure()).orElseThrow(),
					s.priorityId() == null ? 0L : s.priorityId()), s);
		}
		int created = 0;
		int replaced = 0;
		int unchanged = 0;
		Map<List<String>, Map<String, Object>> beforeByWardMonth = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		Map<List<String>, Map<String, Object>> afterByWardMonth = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		List<ActivityQueries.Upsert> upserts = new ArrayList<>();
		for (EpicCsv.Entry row : rows) {
			ActivityQueries.Stored old = before.get(row.key());
			if (old == null) {
				created++;
			}
			else if (old.count() == row.count()) {
				unchanged++;
			}
			else {
				replaced++;
			}
			List<String> wm = List.of(row.wardCode(), row.month().toString());
			String key = row.measure().code() + row.priorityId().map(p -> "@priority:" + p).orElse("");
			if (old != null) {
				beforeByWardMonth.computeIfAbsent(wm, k -> new LinkedHashMap<>()).put(key, old.count());
			}
			afterByWardMonth.computeIfAbsent(wm, k -> new LinkedHashMap<>()).put(key, row.count());
			upserts.add(new ActivityQueries.Upsert(row.wardCode(), places.get(row.wardCode()).boroughCode(),
					row.month().atDay(1), row.measure().code(), row.priorityId().orElse(null), row.count()));
		}
		this.queries.upsert(upserts, Actor.current());
		afterByWardMonth.forEach((wm, after) -> this.events.publishEvent(StateChange.changed(action, "epic activity",
				wm.get(0) + "/" + wm.get(1), places.get(wm.get(0)).boroughCode(),
				beforeByWardMonth.getOrDefault(wm, Map.of()), after)));
		return new Recorded(rows.size(), created, replaced, unchanged, List.copyOf(wards),
				months.stream().map(m -> YearMonth.from(m).toString()).toList());
	}

	/** The counts of a ward for a month (read scope: the ward's borough). */
	@Transactional(readOnly = true)
	public List<Count> counts(String wardCode, YearMonth month) {
		Place place = this.geography.placeOfWard(wardCode);
		this.scope.requireBorough(place.boroughCode());
		return this.queries.of(List.of(wardCode), List.of(month.atDay(1)))
			.stream()
			.map(s -> {
				EpicMeasure m = EpicMeasure.ofCode(s.measure()).orElseThrow();
				return new Count(s.wardCode(), YearMonth.from(s.month()).toString(), m.code(), m.label(), m.category().name(),
						Optional.ofNullable(s.priorityId()), s.count(), s.synthetic(), s.recordedBy());
			})
			.toList();
	}

	private static InvalidInput invalid(String message, List<RowError> errors, String unit) {
		return new InvalidInput(message, errors.stream()
			.map(e -> new InvalidInput.FieldError(unit + " " + e.line() + (e.column().isEmpty() ? "" : ", column " + e.column()),
					e.reason()))
			.toList(), Map.of("problems", errors.size()));
	}

}
