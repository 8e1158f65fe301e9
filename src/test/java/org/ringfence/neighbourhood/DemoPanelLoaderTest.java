package org.ringfence.neighbourhood;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringfence.geography.WardSummary;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPanelLoaderTest {

	static final LocalDate TODAY = LocalDate.of(2034, 6, 15);

	static List<WardSummary> wards(int n) {
		List<WardSummary> wards = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			wards.add(new WardSummary("E05%06d".formatted(i), "Ward " + i, "E09000007", "C1", 10_000, BigDecimal.TEN));
		}
		return wards;
	}

	@Test
	void everyWardGetsMembersAMeetingHeldTwoToComeAndThreeOpenPriorities() {
		DemoPanelLoader.Plan plan = DemoPanelLoader.plan(wards(600), TODAY);
		assertThat(plan.members()).hasSize(600 * 4);
		assertThat(plan.meetings()).hasSize(600 * 3);
		assertThat(plan.meetings().stream().filter(m -> m.startsAt().toLocalDate().isAfter(TODAY)).count()).isEqualTo(1200);
		assertThat(plan.priorities().stream().filter(p -> p.status() == PriorityStatus.OPEN).count()).isEqualTo(1800);
		assertThat(plan.priorities()).allSatisfy(p -> {
			assertThat(p.agreedOn()).isBeforeOrEqualTo(TODAY);
			assertThat(p.actionDate() == null || !p.actionDate().isAfter(TODAY)).isTrue();
			assertThat(DemoPanelLoader.ISSUES).containsKey(p.category());
		});
	}

	@Test
	void aboutSevenInTenWardsHaveAYouthAsbPriorityAsIn2007() {
		DemoPanelLoader.Plan plan = DemoPanelLoader.plan(wards(630), TODAY);
		long youth = plan.priorities()
			.stream()
			.filter(p -> p.status() == PriorityStatus.OPEN && p.category().equals(DemoPanelLoader.YOUTH_ASB))
			.map(p -> p.wardCode())
			.distinct()
			.count();
		assertThat(youth).isBetween(380L, 500L);
	}

	@Test
	void theSameWardsAndDayGiveTheSamePlan() {
		assertThat(DemoPanelLoader.plan(wards(20), TODAY)).isEqualTo(DemoPanelLoader.plan(wards(20), TODAY));
	}

}
