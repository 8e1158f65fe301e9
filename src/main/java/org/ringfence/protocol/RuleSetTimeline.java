package org.ringfence.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule sets in the order they took effect: which is in force on a day, and how a period splits
 * between sets (a flex that straddles a new set's date is judged by each set on its own days).
 */
public final class RuleSetTimeline {

	private final List<ProtocolRuleSet> sets;

	public RuleSetTimeline(List<ProtocolRuleSet> sets) {
		List<ProtocolRuleSet> sorted = new ArrayList<>(sets);
		sorted.sort(Comparator.comparing(ProtocolRuleSet::effectiveFrom));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
				throw new IllegalArgumentException("Two rule sets take effect on " + sorted.get(i).effectiveFrom());
			}
		}
		this.sets = List.copyOf(sorted);
	}

	public List<ProtocolRuleSet> sets() {
		return this.sets;
	}

	/** The set in force on a day; empty before the first set. */
	public Optional<ProtocolRuleSet> inForceOn(LocalDate day) {
		ProtocolRuleSet found = null;
		for (ProtocolRuleSet set : this.sets) {
			if (set.effectiveFrom().isAfter(day)) {
				break;
			}
			found = set;
		}
		return Optional.ofNullable(found);
	}

	/** The set in force on a day, or an explanation that there is none. */
	public ProtocolRuleSet require(LocalDate day) {
		return inForceOn(day).orElseThrow(() -> new IllegalStateException("No protocol rule set is in force on " + day));
	}

	/** A stretch of days judged by one set. */
	public record Span(ProtocolRuleSet set, LocalDate from, LocalDate to) {
	}

	/** The days first..last split by the set in force, in order (days before the first set are left out). */
	public List<Span> spans(LocalDate first, LocalDate last) {
		List<Span> spans = new ArrayList<>();
		for (int i = 0; i < this.sets.size(); i++) {
			ProtocolRuleSet set = this.sets.get(i);
			LocalDate setLast = i + 1 < this.sets.size() ? this.sets.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
			LocalDate from = first.isAfter(set.effectiveFrom()) ? first : set.effectiveFrom();
			LocalDate to = last.isBefore(setLast) ? last : setLast;
			if (!from.isAfter(to)) {
				spans.add(new Span(set, from, to));
			}
		}
		return spans;
	}

	/** The latest set. */
	public Optional<ProtocolRuleSet> latest() {
		return this.sets.isEmpty() ? Optional.empty() : Optional.of(this.sets.get(this.sets.size() - 1));
	}

}
