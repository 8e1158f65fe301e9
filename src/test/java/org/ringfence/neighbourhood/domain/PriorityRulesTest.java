package org.ringfence.neighbourhood.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ringfence.platform.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityRulesTest {

	static final LocalDate TODAY = LocalDate.of(2034, 5, 10);

	@Test
	void aCompletePriorityPasses() {
		assertThat(PriorityRules.checkNew("Speeding", "road safety", "Speed checks", TODAY, TODAY.plusDays(3),
				TODAY.plusMonths(3), TODAY)).isEmpty();
		assertThat(PriorityRules.checkNew("Speeding", "road safety", "", TODAY.minusDays(3), null, null, TODAY)).isEmpty();
	}

	@Test
	void everyProblemIsNamedByField() {
		assertThat(PriorityRules.checkNew(" ", null, "x".repeat(4001), null, null, null, TODAY))
			.extracting(InvalidInput.FieldError::field)
			.containsExactly("issue", "category", "action", "agreedOn");
		assertThat(PriorityRules.checkNew("Speeding", "road safety", "", TODAY.plusDays(1), TODAY, TODAY, TODAY))
			.extracting(InvalidInput.FieldError::field)
			.containsExactly("agreedOn", "actionDate", "reviewDate");
	}

	@Test
	void aPriorityStopsBeingOpenTheDayItIsAchievedOrClosed() {
		LocalDate agreed = TODAY.minusMonths(2);
		assertThat(PriorityRules.closedOn(true, false, null, TODAY, agreed)).isEqualTo(TODAY);
		assertThat(PriorityRules.closedOn(false, false, TODAY.minusDays(5), TODAY, agreed)).as("achieved then closed")
			.isEqualTo(TODAY.minusDays(5));
		assertThat(PriorityRules.closedOn(false, true, TODAY.minusDays(5), TODAY, agreed)).as("reopened").isNull();
		assertThat(PriorityRules.closedOn(true, true, null, TODAY, agreed)).isNull();
	}

}
