package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A step of the workflow with what it records, for {@link FlexRequests#transition}. The tasking
 * module records presentations and reviews through these.
 */
public sealed interface FlexCommand permits FlexCommand.Submit, FlexCommand.Escalate, FlexCommand.ApproveWards,
		FlexCommand.Present, FlexCommand.Authorise, FlexCommand.Reject, FlexCommand.Endorse, FlexCommand.Review,
		FlexCommand.End, FlexCommand.RecordFeedback, FlexCommand.Close {

	FlexAction action();

	/** A note on the step (may be empty). */
	String note();

	record Submit(String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.SUBMIT;
		}

	}

	record Escalate(String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.ESCALATE;
		}

	}

	/** The dialogue with one ward panel: when, and what was said. */
	record WardDialogue(String wardCode, LocalDate heldOn, String summary) {
	}

	/** Approves the providing wards; a dialogue with the panel of the receiving ward and of every providing ward. */
	record ApproveWards(List<WardDialogue> dialogues, String note) implements FlexCommand {

		public ApproveWards {
			dialogues = dialogues == null ? List.of() : List.copyOf(dialogues);
		}

		public FlexAction action() {
			return FlexAction.APPROVE_WARDS;
		}

	}

	/** Presented at a borough tasking meeting. */
	record Present(LocalDate meetingDate, String meetingReference, String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.PRESENT;
		}

	}

	record Authorise(String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.AUTHORISE;
		}

	}

	record Reject(String reasons) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.REJECT;
		}

		public String note() {
			return this.reasons;
		}

	}

	record Endorse(String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.ENDORSE;
		}

	}

	/**
	 * The review: CONTINUE (optionally recording an exception to run past the protocol's limit),
	 * CHANGE (a new last day, earlier or later) or END (on newLastDay, else the review day).
	 */
	record Review(LocalDate heldOn, ReviewOutcome outcome, String notes, Optional<LocalDate> newLastDay,
			Optional<String> exceptionReason) implements FlexCommand {

		public Review {
			newLastDay = newLastDay == null ? Optional.empty() : newLastDay;
			exceptionReason = exceptionReason == null ? Optional.empty() : exceptionReason.filter(r -> !r.isBlank());
		}

		public FlexAction action() {
			return FlexAction.REVIEW;
		}

		public String note() {
			return this.notes;
		}

	}

	/** Ends the flex after its last day (default: its planned last day, or today if earlier). */
	record End(Optional<LocalDate> lastDay, String reason) implements FlexCommand {

		public End {
			lastDay = lastDay == null ? Optional.empty() : lastDay;
		}

		public FlexAction action() {
			return FlexAction.END;
		}

		public String note() {
			return this.reason;
		}

	}

	/** Feedback given to one ward panel. */
	record WardFeedback(String wardCode, LocalDate givenOn, String summary) {
	}

	record RecordFeedback(List<WardFeedback> feedback, String note) implements FlexCommand {

		public RecordFeedback {
			feedback = feedback == null ? List.of() : List.copyOf(feedback);
		}

		public FlexAction action() {
			return FlexAction.RECORD_FEEDBACK;
		}

	}

	record Close(String note) implements FlexCommand {

		public FlexAction action() {
			return FlexAction.CLOSE;
		}

	}

}
