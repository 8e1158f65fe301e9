package org.ringfence.flex.domain;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.flex.FlexAction;
import org.ringfence.flex.FlexStatus;
import org.ringfence.flex.ReviewOutcome;
import org.ringfence.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

class FlexWorkflowTest {

	@Test
	void theHappyPathRunsFromDraftToClosed() {
		FlexStatus status = FlexStatus.DRAFT;
		for (FlexAction action : new FlexAction[] { FlexAction.SUBMIT, FlexAction.ESCALATE, FlexAction.APPROVE_WARDS,
				FlexAction.PRESENT, FlexAction.AUTHORISE, FlexAction.ENDORSE, FlexAction.REVIEW, FlexAction.END,
				FlexAction.RECORD_FEEDBACK, FlexAction.CLOSE }) {
			assertThat(FlexWorkflow.refusal(status, action)).as(action + " from " + status).isEmpty();
			status = FlexWorkflow.target(status, action, Optional.of(ReviewOutcome.CONTINUE));
		}
		assertThat(status).isEqualTo(FlexStatus.CLOSED);
	}

	@Test
	void authorisingTwiceIsRefusedWithTheReason() {
		assertThat(FlexWorkflow.refusal(FlexStatus.AUTHORISED, FlexAction.AUTHORISE)).hasValueSatisfying(
				reason -> assertThat(reason).contains("authorised").contains("presented at borough tasking"));
	}

	@Test
	void aDraftCannotBeAuthorisedBeforeItIsPresented() {
		for (FlexStatus status : new FlexStatus[] { FlexStatus.DRAFT, FlexStatus.SUBMITTED, FlexStatus.ESCALATED,
				FlexStatus.WARDS_APPROVED }) {
			assertThat(FlexWorkflow.refusal(status, FlexAction.AUTHORISE)).as(status.name()).isPresent();
		}
	}

	@Test
	void aReviewThatEndsTheFlexLeadsToEnded() {
		assertThat(FlexWorkflow.target(FlexStatus.LIVE, FlexAction.REVIEW, Optional.of(ReviewOutcome.END)))
			.isEqualTo(FlexStatus.ENDED);
		assertThat(FlexWorkflow.target(FlexStatus.LIVE, FlexAction.REVIEW, Optional.of(ReviewOutcome.CHANGE)))
			.isEqualTo(FlexStatus.LIVE);
	}

	@Test
	void onlyTheSuperintendentAuthorisesRejectsEndorsesAndReviews() {
		for (FlexAction action : new FlexAction[] { FlexAction.AUTHORISE, FlexAction.REJECT, FlexAction.ENDORSE,
				FlexAction.REVIEW }) {
			assertThat(FlexWorkflow.roles(action)).as(action.name()).containsExactly(Role.SUPERINTENDENT);
		}
		assertThat(FlexWorkflow.roles(FlexAction.ESCALATE)).containsExactly(Role.INSPECTOR);
		assertThat(FlexWorkflow.roles(FlexAction.APPROVE_WARDS)).containsExactly(Role.SMT_LEAD);
		assertThat(FlexWorkflow.roles(FlexAction.CLOSE)).containsExactlyInAnyOrder(Role.SMT_LEAD, Role.INSPECTOR);
	}

	@Test
	void aSergeantMaySubmitADraftButNothingLater() {
		assertThat(FlexWorkflow.actionsFor(Role.SERGEANT, FlexStatus.DRAFT)).containsExactly(FlexAction.SUBMIT);
		assertThat(FlexWorkflow.actionsFor(Role.SERGEANT, FlexStatus.SUBMITTED)).isEmpty();
		assertThat(FlexWorkflow.actionsFor(Role.SUPERINTENDENT, FlexStatus.PRESENTED)).containsExactly(FlexAction.AUTHORISE,
				FlexAction.REJECT);
	}

	@Test
	void rejectedAndClosedRequestsAreFinal() {
		assertThat(FlexWorkflow.actionsIn(FlexStatus.REJECTED)).isEmpty();
		assertThat(FlexWorkflow.actionsIn(FlexStatus.CLOSED)).isEmpty();
	}

}
