package org.ringfence.performance.domain;

import org.junit.jupiter.api.Test;
import org.ringfence.performance.ProblemStage;

import static org.assertj.core.api.Assertions.assertThat;

class StageRuleTest {

	@Test
	void movesForwardOneStage() {
		assertThat(StageRule.refusal(ProblemStage.RESEARCH, ProblemStage.ENGAGE, null)).isEmpty();
		assertThat(StageRule.refusal(ProblemStage.PLAN_AND_ACTION, ProblemStage.REVIEW, "")).isEmpty();
	}

	@Test
	void refusesSkippingAhead() {
		assertThat(StageRule.refusal(ProblemStage.RESEARCH, ProblemStage.IDENTIFY_PUBLIC_ISSUES, null)).get()
			.asString()
			.contains("one stage at a time")
			.contains("Engage");
	}

	@Test
	void goesBackOnlyWithAReason() {
		assertThat(StageRule.refusal(ProblemStage.REVIEW, ProblemStage.INVESTIGATE_AND_ANALYSE, " ")).get()
			.asString()
			.contains("needs a reason");
		assertThat(StageRule.refusal(ProblemStage.REVIEW, ProblemStage.INVESTIGATE_AND_ANALYSE, "analysis missed the park"))
			.isEmpty();
	}

	@Test
	void refusesStayingPut() {
		assertThat(StageRule.refusal(ProblemStage.ENGAGE, ProblemStage.ENGAGE, "x")).isPresent();
	}

	@Test
	void closesOnlyAfterReview() {
		assertThat(StageRule.closeRefusal(ProblemStage.REVIEW)).isEmpty();
		assertThat(StageRule.closeRefusal(ProblemStage.PLAN_AND_ACTION)).isPresent();
	}

}
