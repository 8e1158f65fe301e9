package org.ringfence.duties;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ringfence.duties.persistence.DutyCopyWriter;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many duties at once (the demo duty records, a bulk import): streamed into the duty record
 * with COPY inside the caller's transaction, with one audit entry for the whole load. Each duty is
 * checked on its own first; overlaps and unknown people, wards or codes are refused by the database,
 * and then nothing of the load is kept.
 */
@Service
public class DutyBulkLoad {

	private final DutyCopyWriter writer;

	private final ApplicationEventPublisher events;

	DutyBulkLoad(DutyCopyWriter writer, ApplicationEventPublisher events) {
		this.writer = writer;
		this.events = events;
	}

	/** How many duties (planned and actual) are recorded. */
	@Transactional(readOnly = true)
	public long countDuties() {
		return this.writer.countDuties();
	}

	/**
	 * Records the duties; returns how many were stored.
	 * @param source where they come from (kept on every row)
	 * @param actor who loads them (kept on every row as changed_by)
	 */
	@Transactional
	public long copy(Iterator<NewDuty> duties, String source, String actor) {
		Objects.requireNonNull(duties, "duties");
		if (source == null || source.isBlank() || actor == null || actor.isBlank()) {
			throw new IllegalArgumentException("A bulk load needs a source and an actor");
		}
		Map<DutyKind, Long> byKind = new EnumMap<>(DutyKind.class);
		Iterator<NewDuty> checked = new Iterator<>() {

			private long row;

			@Override
			public boolean hasNext() {
				return duties.hasNext();
			}

			@Override
			public NewDuty next() {
				NewDuty duty = duties.next();
				this.row++;
				List<String> problems = duty.problems();
				if (!problems.isEmpty()) {
					throw new InvalidInput("Duty " + this.row + " of the load is not valid",
							problems.stream().map(p -> new InvalidInput.FieldError("duty " + this.row, p)).toList());
				}
				byKind.merge(duty.kind(), 1L, Long::sum);
				return duty;
			}

		};
		long stored = this.writer.countDuties() == 0 ? this.writer.copyIntoEmptyTable(checked, source, actor)
				: this.writer.copy(checked, source, actor);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("duties", stored);
		byKind.forEach((kind, count) -> after.put(kind.name().toLowerCase(java.util.Locale.ROOT), count));
		after.put("source", source);
		this.events.publishEvent(StateChange.created("duty load", source, null, after));
		return stored;
	}

}
