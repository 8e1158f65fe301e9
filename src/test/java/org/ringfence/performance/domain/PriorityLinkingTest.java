package org.ringfence.performance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.performance.PriorityLookup;
import org.ringfence.performance.PriorityRef;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityLinkingTest {

	/** A plain-Java fake of the neighbourhood module's port. */
	static final class FakePriorities implements PriorityLookup {

		final Map<Long, PriorityRef> priorities;

		FakePriorities(PriorityRef... priorities) {
			this.priorities = java.util.Arrays.stream(priorities).collect(java.util.stream.Collectors.toMap(PriorityRef::id, p -> p));
		}

		@Override
		public Optional<PriorityRef> find(long id) {
			return Optional.ofNullable(this.priorities.get(id));
		}

		@Override
		public List<PriorityRef> forWard(String wardCode, LocalDate from, LocalDate to) {
			return this.priorities.values().stream().filter(p -> p.wardCode().equals(wardCode)).toList();
		}

	}

	final PriorityLookup lookup = new FakePriorities(new PriorityRef(7, "E05000137", "ASB - youth", "Youths in the park",
			"OPEN"));

	@Test
	void refusesEveryLinkWhileThePrioritiesAreNotAvailable() {
		assertThat(PriorityLinking.refusal(Optional.empty(), "E05000137", 7)).contains("priorities are not available");
	}

	@Test
	void linksToAPriorityOfTheSameWard() {
		assertThat(PriorityLinking.refusal(Optional.of(this.lookup), "E05000137", 7)).isEmpty();
	}

	@Test
	void refusesAPriorityOfAnotherWard() {
		assertThat(PriorityLinking.refusal(Optional.of(this.lookup), "E05000138", 7)).get()
			.asString()
			.contains("belongs to ward E05000137");
	}

	@Test
	void refusesAnUnknownPriority() {
		assertThat(PriorityLinking.refusal(Optional.of(this.lookup), "E05000137", 8)).contains("no priority 8");
	}

}
