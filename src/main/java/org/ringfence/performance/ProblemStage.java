package org.ringfence.performance;

import java.util.Arrays;
import java.util.Optional;

/** The seven stages of the Met's problem-solving model, in order. */
public enum ProblemStage {

	RESEARCH("Research"), ENGAGE("Engage"), IDENTIFY_PUBLIC_ISSUES("Identify public issues"),
	INVESTIGATE_AND_ANALYSE("Investigate and analyse"), ESTABLISH_PUBLIC_CHOICES("Establish public choices"),
	PLAN_AND_ACTION("Plan and action"), REVIEW("Review");

	private final String label;

	ProblemStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public int number() {
		return ordinal() + 1;
	}

	public Optional<ProblemStage> next() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	public static Optional<ProblemStage> parse(String text) {
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
	}

}
