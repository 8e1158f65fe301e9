package org.ringfence.protocol;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One rule set of the SN Deployment Protocol, in force from {@code effectiveFrom} until the next.
 * @param withinBoroughOnly flex only between wards of one borough (cross-borough only under a
 * declared significant event)
 */
public record ProtocolRuleSet(long id, String name, LocalDate effectiveFrom, String note, String source,
		RingFenceRule ringFence, FlexDurationRule duration, boolean withinBoroughOnly, FairnessRule fairness) {

	public ProtocolRuleSet {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		Objects.requireNonNull(ringFence, "ringFence");
		Objects.requireNonNull(duration, "duration");
		Objects.requireNonNull(fairness, "fairness");
		note = note == null ? "" : note;
		source = source == null ? "" : source;
	}

	/** "One Met 2017 (from 2017-09-21)". */
	public String label() {
		return this.name + " (from " + this.effectiveFrom + ")";
	}

}
