package org.ringfence.performance.domain;

import java.util.Optional;

import org.ringfence.performance.ProblemStage;

/**
 * How a problem moves through the seven stages: forward to the next stage (one at a time, so no
 * stage is skipped), or back to any earlier stage with a reason (e.g. the review found the
 * analysis wrong). Staying put, skipping ahead, and going back without a reason are refused.
 * Closing is allowed only from the review stage, with an evaluation.
 */
public final class StageRule {

	private StageRule() {
	}

	/** Empty when the move is allowed; otherwise why not. */
	public static Optional<String> refusal(ProblemStage from, ProblemStage to, String reason) {
		if (from == to) {
			return Optional.of("the problem is already at stage " + to.number() + " (" + to.label() + ")");
		}
		if (to.ordinal() > from.ordinal()) {
			if (to.ordinal() != from.ordinal() + 1) {
				return Optional.of("a problem moves forward one stage at a time: from " + from.label() + " the next stage is "
						+ from.next().map(ProblemStage::label).orElse("none"));
			}
			return Optional.empty();
		}
		if (reason == null || reason.isBlank()) {
			return Optional.of("going back from " + from.label() + " to " + to.label() + " needs a reason");
		}
		return Optional.empty();
	}

	public static Optional<String> closeRefusal(ProblemStage stage) {
		return stage == ProblemStage.REVIEW ? Optional.empty()
				: Optional.of("a problem is closed after its review: it is at stage " + stage.number() + " (" + stage.label() + ")");
	}

}
