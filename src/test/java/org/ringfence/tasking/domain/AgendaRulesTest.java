package org.ringfence.tasking.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.tasking.AgendaEntry;
import org.ringfence.tasking.AgendaKind;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaRulesTest {

	static final List<String> OUTCOMES = List.of("AUTHORISE", "REJECT", "DEFER");

	@Test
	void itemsAreTakenEventsFirstThenReviewsPresentationsBidsAndOtherBusiness() {
		List<AgendaEntry> entries = List.of(entry(AgendaKind.OTHER, "other:1"), entry(AgendaKind.SUPPORT_BID, "support-bid:2"),
				entry(AgendaKind.FLEX_PRESENTATION, "flex-request:3"), entry(AgendaKind.FLEX_REVIEW, "flex-request:4"),
				entry(AgendaKind.SIGNIFICANT_EVENT, "significant-event:5"), entry(AgendaKind.FLEX_PRESENTATION, "flex-request:6"));
		assertThat(AgendaRules.ordered(entries)).extracting(AgendaEntry::sourceRef)
			.containsExactly("significant-event:5", "flex-request:4", "flex-request:3", "flex-request:6", "support-bid:2",
					"other:1");
	}

	@Test
	void aDecisionNeedsAnOpenMeetingAnUndecidedItemAnOpenOutcomeAndReasons() {
		assertThat(AgendaRules.decisionProblem(false, Optional.empty(), OUTCOMES, "AUTHORISE", "Meets the protocol")).isEmpty();
		assertThat(AgendaRules.decisionProblem(true, Optional.empty(), OUTCOMES, "AUTHORISE", "x")).get()
			.asString()
			.contains("closed");
		assertThat(AgendaRules.decisionProblem(false, Optional.of("REJECT"), OUTCOMES, "AUTHORISE", "x")).get()
			.asString()
			.contains("decided already (REJECT)");
		assertThat(AgendaRules.decisionProblem(false, Optional.empty(), OUTCOMES, "GRANTED", "x")).get()
			.asString()
			.contains("AUTHORISE, REJECT, DEFER");
		assertThat(AgendaRules.decisionProblem(false, Optional.empty(), OUTCOMES, "REJECT", "  ")).get()
			.asString()
			.contains("reasons");
	}

	@Test
	void aMeetingClosesOnlyWhenEveryItemIsDecided() {
		assertThat(AgendaRules.closeProblem(false, List.of())).isEmpty();
		assertThat(AgendaRules.closeProblem(false, List.of("Bid for dogs"))).get().asString().contains("Bid for dogs");
		assertThat(AgendaRules.closeProblem(true, List.of())).get().asString().contains("closed already");
	}

	@Test
	void meetingsAreRecordedWithinAMonthBackAndAYearAhead() {
		LocalDate today = LocalDate.of(2026, 11, 23);
		assertThat(AgendaRules.schedulingProblem(today.minusDays(31), today)).isEmpty();
		assertThat(AgendaRules.schedulingProblem(today.minusDays(32), today)).isPresent();
		assertThat(AgendaRules.schedulingProblem(today.plusYears(1), today)).isEmpty();
		assertThat(AgendaRules.schedulingProblem(today.plusYears(1).plusDays(1), today)).isPresent();
	}

	@Test
	void aDebriefSaysWhyTheOperationsOfficeWasNotTold() {
		assertThat(AgendaRules.debriefProblem("GRANTED", "Two arrests", true, "")).isEmpty();
		assertThat(AgendaRules.debriefProblem("GRANTED", "Two arrests", false, "")).get()
			.asString()
			.contains("operations office");
		assertThat(AgendaRules.debriefProblem("PARTLY_GRANTED", "Two arrests", false, "Covert operation")).isEmpty();
		assertThat(AgendaRules.debriefProblem("REFUSED", "Two arrests", true, "")).get().asString().contains("granted");
		assertThat(AgendaRules.debriefProblem("GRANTED", " ", true, "")).get().asString().contains("empty");
	}

	private static AgendaEntry entry(AgendaKind kind, String ref) {
		return new AgendaEntry(kind, ref, ref, "", OUTCOMES);
	}

}
