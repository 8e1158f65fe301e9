package org.ringfence.flex.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.duties.FlexDuties.WardLoad;
import org.ringfence.flex.FlexCheckReport;
import org.ringfence.flex.FlexCheckReport.Check;
import org.ringfence.flex.FlexCheckReport.Outcome;
import org.ringfence.flex.NewFlexRequest.Officer;
import org.ringfence.flex.Tours;
import org.ringfence.flex.domain.FlexChecks.WardInfo;
import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.FlexDurationRule;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.RingFenceRule;
import org.ringfence.protocol.RuleSetTimeline;

import static org.assertj.core.api.Assertions.assertThat;

class FlexChecksTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final RuleSetTimeline TIMELINE = new RuleSetTimeline(List.of(
			new ProtocolRuleSet(1, "SN Deployment Protocol 2011", LocalDate.of(2011, 10, 24), "", "", new RingFenceRule(1, 1),
					new FlexDurationRule(28, 14), true, new FairnessRule(84, 1.5)),
			new ProtocolRuleSet(2, "One Met 2017", LocalDate.of(2017, 9, 21), "", "", new RingFenceRule(2, 1),
					new FlexDurationRule(28, 14), true, new FairnessRule(84, 1.5))));

	/** Receiving A; B and C provide; A and B share a cluster; D is in another borough. */
	static final Map<String, WardInfo> WARDS = Map.of("A", new WardInfo("A", "Ward A", "X", "X-C01"), "B",
			new WardInfo("B", "Ward B", "X", "X-C01"), "C", new WardInfo("C", "Ward C", "X", "X-C02"), "D",
			new WardInfo("D", "Ward D", "Y", "Y-C01"));

	static final LocalDate MONDAY = LocalDate.of(2034, 3, 6);

	final List<PlannedDuty> duties = new ArrayList<>();

	long nextId = 1;

	PlannedDuty duty(long person, String role, String team, LocalDate day, int startHour, String ward, String code,
			ActivityClass activityClass) {
		PlannedDuty duty = new PlannedDuty(this.nextId++, 0, person, day, day.atTime(startHour, 0).atZone(LONDON).toInstant(),
				day.atTime(startHour, 0).plusHours(8).atZone(LONDON).toInstant(), Optional.ofNullable(ward), code,
				activityClass, Optional.of(role), Optional.of(team), Optional.empty());
		this.duties.add(duty);
		return duty;
	}

	void onWard(long person, String role, String ward, LocalDate day, int startHour) {
		duty(person, role, ward, day, startHour, ward, "SN_WARD", ActivityClass.ON_WARD);
	}

	FlexCheckReport run(FlexChecks.Plan plan, Optional<String> event, List<WardLoad> loads) {
		List<PlannedDuty> onWard = this.duties.stream().filter(d -> d.activityClass() == ActivityClass.ON_WARD).toList();
		FlexChecks.Context context = new FlexChecks.Context(LocalDate.of(2017, 1, 1), TIMELINE, WARDS, this.duties, onWard,
				event, loads, plan.firstDay().minusDays(84), plan.lastDay(), Map.of(11L, "PC Eleven", 12L, "PC Twelve"));
		return FlexChecks.run(plan, context).report();
	}

	static FlexChecks.Plan plan(LocalDate first, LocalDate last, Officer... officers) {
		return new FlexChecks.Plan("", "A", first, last, Optional.empty(), List.of(officers), false);
	}

	static Check check(FlexCheckReport report, String name) {
		return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	/** Ward B: constables 11 and 12 and PCSO 21 on early tours, sergeant 31 on lates, every day from a day. */
	void wardB(LocalDate from, int days) {
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			onWard(11, "DWO", "B", day, 7);
			onWard(12, "DWO", "B", day, 7);
			onWard(21, "PCSO", "B", day, 7);
			onWard(31, "SERGEANT", "B", day, 15);
		}
	}

	@Test
	void refusesFlexWhenTheProvidingWardFallsBelowTheOneMetMinimumNamingWardDayAndShortfall() {
		wardB(MONDAY, 3);
		FlexCheckReport report = run(plan(MONDAY, MONDAY.plusDays(2), new Officer(11, "B", MONDAY, MONDAY.plusDays(2), Tours.ALL)),
				Optional.empty(), List.of());
		Check ringFence = check(report, FlexChecks.RING_FENCE);
		assertThat(report.passed()).isFalse();
		assertThat(ringFence.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(ringFence.findings()).hasSize(3);
		FlexCheckReport.Finding first = ringFence.findings().get(0);
		assertThat(first.wardCode()).isEqualTo("B");
		assertThat(first.from()).isEqualTo(MONDAY);
		assertThat(first.shortfall()).isEqualTo(1);
		assertThat(first.detail()).contains("Ward B").contains("2034-03-06").contains("1 constable left").contains("short 1")
			.contains("One Met 2017");
	}

	@Test
	void theStricterMinimumAppliesFromTheOneMetEffectiveDateOnly() {
		LocalDate dayBefore = LocalDate.of(2017, 9, 20);
		wardB(dayBefore, 2);
		FlexCheckReport report = run(plan(dayBefore, dayBefore.plusDays(1),
				new Officer(11, "B", dayBefore, dayBefore.plusDays(1), Tours.ALL)), Optional.empty(), List.of());
		Check ringFence = check(report, FlexChecks.RING_FENCE);
		assertThat(ringFence.findings()).extracting(FlexCheckReport.Finding::from).containsExactly(LocalDate.of(2017, 9, 21));
		assertThat(report.ruleSets()).extracting(FlexCheckReport.RuleSetUsed::name)
			.containsExactly("SN Deployment Protocol 2011", "One Met 2017");
	}

	@Test
	void passesTheRingFenceWhenTheWardKeepsItsMinimum() {
		wardB(MONDAY, 2);
		for (int i = 0; i < 2; i++) {
			onWard(13, "PC", "B", MONDAY.plusDays(i), 15);
		}
		FlexCheckReport report = run(plan(MONDAY, MONDAY.plusDays(1), new Officer(11, "B", MONDAY, MONDAY.plusDays(1), Tours.ALL)),
				Optional.empty(), List.of());
		assertThat(check(report, FlexChecks.RING_FENCE).outcome()).isEqualTo(Outcome.PASS);
		assertThat(report.dutiesToFlex()).isEqualTo(2);
	}

	@Test
	void anOfficerAlreadyOnAnotherFlexFailsAndLeaveIsReportedButNotFlexed() {
		wardB(MONDAY, 1);
		onWard(13, "PC", "B", MONDAY, 15);
		LocalDate tuesday = MONDAY.plusDays(1);
		this.duties.add(new PlannedDuty(this.nextId++, 0, 11, tuesday, tuesday.atTime(7, 0).atZone(LONDON).toInstant(),
				tuesday.atTime(15, 0).atZone(LONDON).toInstant(), Optional.of("C"), "FLEX", ActivityClass.AUTHORISED_FLEX,
				Optional.of("DWO"), Optional.of("B"), Optional.of("FLEX-9")));
		duty(11, "DWO", "B", MONDAY.plusDays(2), 7, null, "AL", ActivityClass.ANNUAL_LEAVE);
		FlexCheckReport report = run(plan(MONDAY, MONDAY.plusDays(2), new Officer(11, "B", MONDAY, MONDAY.plusDays(2), Tours.ALL)),
				Optional.empty(), List.of());
		Check availability = check(report, FlexChecks.AVAILABILITY);
		assertThat(availability.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(availability.findings()).anySatisfy(f -> assertThat(f.detail()).contains("already on FLEX-9 on 2034-03-07"));
		assertThat(availability.findings()).anySatisfy(f -> assertThat(f.detail()).contains("annual leave on 2034-03-08"));
		assertThat(report.dutiesToFlex()).isEqualTo(1);
	}

	@Test
	void anOfficerOutsideTheProvidingWardsTeamFails() {
		onWard(11, "DWO", "C", MONDAY, 7);
		FlexCheckReport report = run(plan(MONDAY, MONDAY, new Officer(11, "B", MONDAY, MONDAY, Tours.ALL)), Optional.empty(),
				List.of());
		assertThat(check(report, FlexChecks.AVAILABILITY).findings())
			.anySatisfy(f -> assertThat(f.detail()).contains("not in Ward B's team"));
	}

	@Test
	void onlyTheLateToursAreFlexedWhenThePlanSaysLate() {
		onWard(13, "PC", "B", MONDAY, 7);
		onWard(13, "PC", "B", MONDAY.plusDays(1), 15);
		onWard(14, "PC", "B", MONDAY, 7);
		onWard(14, "PC", "B", MONDAY.plusDays(1), 7);
		onWard(15, "PC", "B", MONDAY, 7);
		onWard(15, "PC", "B", MONDAY.plusDays(1), 7);
		FlexCheckReport report = run(plan(MONDAY, MONDAY.plusDays(1), new Officer(13, "B", MONDAY, MONDAY.plusDays(1), Tours.LATE)),
				Optional.empty(), List.of());
		assertThat(report.dutiesToFlex()).isEqualTo(1);
	}

	@Test
	void crossBoroughFlexIsRefusedUnlessASignificantEventIsDeclared() {
		onWard(41, "DWO", "D", MONDAY, 7);
		onWard(42, "DWO", "D", MONDAY, 7);
		onWard(43, "DWO", "D", MONDAY, 7);
		FlexChecks.Plan plan = plan(MONDAY, MONDAY, new Officer(41, "D", MONDAY, MONDAY, Tours.ALL));
		Check refused = check(run(plan, Optional.empty(), List.of()), FlexChecks.SAME_BOROUGH);
		assertThat(refused.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(refused.findings().get(0).detail()).contains("Ward D is in another borough");
		Check underEvent = check(run(plan, Optional.of("Major incident, Y, declared by supt"), List.of()),
				FlexChecks.SAME_BOROUGH);
		assertThat(underEvent.outcome()).isEqualTo(Outcome.WARN);
		assertThat(underEvent.summary()).contains("extreme circumstances").contains("Major incident");
	}

	@Test
	void aFlexPastTheFourWeekLimitNeedsAnExceptionWithReasons() {
		wardB(MONDAY, 1);
		onWard(13, "PC", "B", MONDAY, 15);
		LocalDate last = MONDAY.plusDays(28);
		FlexChecks.Plan without = plan(MONDAY, last, new Officer(11, "B", MONDAY, MONDAY, Tours.ALL));
		Check refused = check(run(without, Optional.empty(), List.of()), FlexChecks.DURATION);
		assertThat(refused.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(refused.findings().get(0).detail()).contains("29 days is 1 over the 28-day limit");
		assertThat(refused.summary()).contains("Review at borough tasking by 2034-03-20");
		FlexChecks.Plan with = new FlexChecks.Plan("", "A", MONDAY, last, Optional.of("Summer nights; ward panel asked"),
				without.officers(), false);
		assertThat(check(run(with, Optional.empty(), List.of()), FlexChecks.DURATION).outcome()).isEqualTo(Outcome.WARN);
	}

	@Test
	void aClusterThatWouldLoseSixteenHoursOfCoverFails() {
		// cluster X-C01 (A and B): B's constable 11 on earlies 07-15, constable 12 on lates 15-23: 16 hours
		onWard(11, "DWO", "B", MONDAY, 7);
		onWard(12, "DWO", "B", MONDAY, 15);
		onWard(13, "DWO", "B", MONDAY, 15);
		onWard(21, "PCSO", "B", MONDAY, 15);
		// Ward C (other cluster) receives
		FlexChecks.Plan plan = new FlexChecks.Plan("", "C", MONDAY, MONDAY, Optional.empty(),
				List.of(new Officer(11, "B", MONDAY, MONDAY, Tours.ALL)), false);
		Check cover = check(run(plan, Optional.empty(), List.of()), FlexChecks.COVER);
		assertThat(cover.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(cover.findings().get(0).detail()).contains("X-C01").contains("8 h").contains("16 h without");
		assertThat(cover.findings().get(0).shortfall()).isEqualTo(8);
	}

	@Test
	void flexWithinTheClusterKeepsItsCover() {
		onWard(11, "DWO", "B", MONDAY, 7);
		onWard(12, "DWO", "B", MONDAY, 15);
		onWard(13, "DWO", "B", MONDAY, 15);
		onWard(21, "PCSO", "B", MONDAY, 15);
		FlexCheckReport report = run(plan(MONDAY, MONDAY, new Officer(11, "B", MONDAY, MONDAY, Tours.ALL)), Optional.empty(),
				List.of());
		assertThat(check(report, FlexChecks.COVER).outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void aDisproportionatelyAffectedProvidingWardIsReportedWithAFairerOfficer() {
		for (int i = 0; i < 2; i++) {
			LocalDate day = MONDAY.plusDays(i);
			onWard(11, "DWO", "B", day, 7);
			onWard(12, "DWO", "B", day, 7);
			onWard(13, "DWO", "B", day, 15);
			onWard(21, "PCSO", "B", day, 7);
			onWard(51, "DWO", "C", day, 7);
			onWard(52, "DWO", "C", day, 7);
			onWard(53, "DWO", "C", day, 15);
			onWard(61, "PCSO", "C", day, 7);
		}
		List<WardLoad> loads = List.of(new WardLoad("A", 100_000, 20_000, 0), new WardLoad("B", 100_000, 45_000, 0),
				new WardLoad("C", 100_000, 10_000, 0));
		FlexCheckReport report = run(plan(MONDAY, MONDAY.plusDays(1), new Officer(11, "B", MONDAY, MONDAY.plusDays(1), Tours.ALL)),
				Optional.empty(), loads);
		Check fairness = check(report, FlexChecks.FAIRNESS);
		assertThat(fairness.outcome()).isEqualTo(Outcome.WARN);
		assertThat(report.passed()).isTrue();
		assertThat(report.fairness()).hasValueSatisfying(f -> {
			assertThat(f.suggestions()).hasSize(1);
			assertThat(f.suggestions().get(0).providingWard()).isEqualTo("C");
			assertThat(f.suggestions().get(0).insteadOfPersonId()).isEqualTo(11);
			assertThat(f.gini()).isPositive();
		});
		assertThat(fairness.findings()).anySatisfy(f -> assertThat(f.detail()).contains("Ward B").contains("times the borough mean"));
	}

	@Test
	void aPlanStartingInThePastIsRefused() {
		wardB(LocalDate.of(2016, 12, 30), 1);
		FlexCheckReport report = run(plan(LocalDate.of(2016, 12, 30), LocalDate.of(2016, 12, 30),
				new Officer(11, "B", LocalDate.of(2016, 12, 30), LocalDate.of(2016, 12, 30), Tours.ALL)), Optional.empty(),
				List.of());
		assertThat(check(report, FlexChecks.DURATION).findings()).anySatisfy(f -> assertThat(f.detail()).contains("has passed"));
	}

	@Test
	void coverCountsMinutesOfTheDayOnceAcrossOverlappingTours() {
		onWard(11, "DWO", "B", MONDAY, 7);
		onWard(12, "DWO", "B", MONDAY, 8);
		onWard(13, "DWO", "B", MONDAY.minusDays(1), 20);
		assertThat(FlexChecks.covered(this.duties, MONDAY)).isEqualTo((4 + 9) * 60);
	}

}
