package org.ringfence.deflection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ringfence.deflection.persistence.DeflectionQueries;
import org.ringfence.deflection.persistence.DeflectionQueries.PrioritiesRow;
import org.ringfence.duties.WardPresence;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call priorities each ward team communicates to CCC (the protocol: "it is essential that these
 * have been communicated to the CCC Controller in a readily accessible format ... The SNTs have a
 * responsibility to ensure that this information is kept up to date"), and the borough board that
 * shows them to controllers with who is on duty now.
 */
@Service
public class CallPriorities {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final DeflectionQueries queries;

	private final WardPresence presence;

	private final GeographyService geography;

	private final DeflectionProperties settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile List<CallCategory> categories;

	CallPriorities(DeflectionQueries queries, WardPresence presence, GeographyService geography,
			DeflectionProperties settings, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.presence = presence;
		this.geography = geography;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The categories of calls, in their usual order (reference data, read once). */
	@Transactional(readOnly = true)
	public List<CallCategory> categories() {
		List<CallCategory> known = this.categories;
		if (known == null) {
			known = List.copyOf(this.queries.categories());
			this.categories = known;
		}
		return known;
	}

	public Optional<CallCategory> category(String code) {
		return categories().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), LONDON);
	}

	/** The ward's priorities, if its team has communicated any. */
	@Transactional(readOnly = true)
	public Optional<WardCallPriorities> ofWard(String wardCode) {
		WardDetail ward = this.geography.ward(wardCode);
		return this.queries.priorities(wardCode).map(p -> view(p, ward.name()));
	}

	/**
	 * Records the ward's priorities as reviewed today by the current user; a change gives the version
	 * it read (none for the first).
	 */
	@Transactional
	public WardCallPriorities save(String wardCode, List<String> categoryCodes, String notes, Optional<Integer> version) {
		WardDetail ward = this.geography.ward(wardCode);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (String code : categoryCodes == null ? List.<String>of() : categoryCodes) {
			if (category(code).isEmpty()) {
				errors.add(new InvalidInput.FieldError("categories", "unknown call category " + code));
			}
			codes.add(code);
		}
		String text = notes == null ? "" : notes.strip();
		if (text.length() > 2000) {
			errors.add(new InvalidInput.FieldError("notes", "at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The call priorities are not valid.", errors);
		}
		Optional<PrioritiesRow> before = this.queries.priorities(wardCode);
		if (before.isPresent() && version.isEmpty()) {
			throw new OptimisticLockingFailureException("The ward's priorities exist: give the version you read.");
		}
		List<String> ordered = categories().stream().map(CallCategory::code).filter(codes::contains).toList();
		this.queries.savePriorities(wardCode, ordered, text, today(), Actor.current(), before.isPresent() ? version : Optional.empty())
			.orElseThrow(() -> new OptimisticLockingFailureException("The ward's priorities changed meanwhile: read them again."));
		PrioritiesRow after = this.queries.priorities(wardCode).orElseThrow();
		String borough = ward.boroughCode();
		this.events.publishEvent(before.isEmpty() ? StateChange.created("call priorities", wardCode, borough, state(after))
				: StateChange.changed("call priorities reviewed", "call priorities", wardCode, borough, state(before.get()),
						state(after)));
		return view(after, ward.name());
	}

	/** The borough's board: every ward with its priorities and who is on duty on it at the instant. */
	@Transactional(readOnly = true)
	public PrioritiesBoard board(String boroughCode, Instant at) {
		List<DeflectionQueries.BoardRow> rows = this.queries.boroughPriorities(boroughCode);
		if (rows.isEmpty()) {
			this.geography.borough(boroughCode);
		}
		Map<String, List<DeflectionDecision.Officer>> onDuty = new LinkedHashMap<>();
		this.presence.inBorough(boroughCode, at)
			.forEach(d -> onDuty.computeIfAbsent(d.wardCode(), w -> new ArrayList<>()).add(CallDeflection.officer(d)));
		List<PrioritiesBoard.Ward> wards = rows.stream()
			.map(r -> new PrioritiesBoard.Ward(r.wardCode(), r.wardName(), r.clusterName(),
					r.priorities().map(p -> view(p, r.wardName())), onDuty.getOrDefault(r.wardCode(), List.of())))
			.toList();
		String name = rows.isEmpty() ? this.geography.borough(boroughCode).name() : rows.get(0).boroughName();
		return new PrioritiesBoard(boroughCode, name, at, wards);
	}

	WardCallPriorities view(PrioritiesRow row, String wardName) {
		Map<String, CallCategory> byCode = categories().stream()
			.collect(Collectors.toMap(CallCategory::code, Function.identity()));
		List<CallCategory> accepted = row.categories().stream().map(byCode::get).filter(c -> c != null).toList();
		boolean stale = row.lastReviewed().plusDays(this.settings.prioritiesStaleDays()).isBefore(today());
		return new WardCallPriorities(row.wardCode(), wardName, accepted, row.notes(), row.lastReviewed(), row.reviewedBy(),
				row.version(), stale);
	}

	private static Map<String, Object> state(PrioritiesRow row) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("ward", row.wardCode());
		state.put("categories", row.categories());
		state.put("notes", row.notes());
		state.put("lastReviewed", row.lastReviewed().toString());
		state.put("version", row.version());
		return state;
	}

}
