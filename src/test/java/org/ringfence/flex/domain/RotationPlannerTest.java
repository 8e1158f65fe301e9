package org.ringfence.flex.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.flex.FlexRotation;
import org.ringfence.flex.domain.FlexChecks.WardInfo;
import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.FlexDurationRule;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.Rank;
import org.ringfence.protocol.RingFenceRule;
import org.ringfence.protocol.RuleSetTimeline;

import static org.assertj.core.api.Assertions.assertThat;

class RotationPlannerTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final RuleSetTimeline ONE_MET = new RuleSetTimeline(List.of(new ProtocolRuleSet(2, "One Met 2017",
			LocalDate.of(2017, 9, 21), "", "", new RingFenceRule(2, 1), new FlexDurationRule(28, 14), true,
			new FairnessRule(84, 1.5))));

	static final LocalDate FIRST = LocalDate.of(2034, 3, 6);

	final Map<String, WardInfo> wards = new LinkedHashMap<>();

	final List<PlannedDuty> duties = new ArrayList<>();

	final Map<String, Long> dutyMinutes = new HashMap<>();

	final Map<String, Long> awayMinutes = new HashMap<>();

	long nextId = 1;

	/** A ward whose constables (ids base+1..) are all on ward duty every day of the weeks. */
	void ward(String code, int constables, long base, int days, long away) {
		this.wards.put(code, new WardInfo(code, "Ward " + code, "X", "X-C01"));
		for (int d = 0; d < days; d++) {
			LocalDate day = FIRST.plusDays(d);
			for (int c = 1; c <= constables; c++) {
				this.duties.add(new PlannedDuty(this.nextId++, 0, base + c, day, day.atTime(7, 0).atZone(LONDON).toInstant(),
						day.atTime(15, 0).atZone(LONDON).toInstant(), Optional.of(code), "SN_WARD", ActivityClass.ON_WARD,
						Optional.of("DWO"), Optional.of(code), Optional.empty()));
			}
		}
		this.dutyMinutes.put(code, 100_000L);
		this.awayMinutes.put(code, away);
	}

	FlexRotation plan(int days, int constables) {
		return RotationPlanner.plan(
				new RotationPlanner.Problem("R", FIRST, FIRST.plusDays(days - 1), Map.of(Rank.CONSTABLE, constables)),
				new RotationPlanner.Context(ONE_MET, this.wards, this.duties, this.dutyMinutes, this.awayMinutes, Map.of()));
	}

	@Test
	void aTwelveWeekProblemSplitsIntoThreePeriodsOfFourWeeks() {
		assertThat(RotationPlanner.split(FIRST, FIRST.plusDays(83), 28)).hasSize(3)
			.allSatisfy(p -> assertThat(java.time.temporal.ChronoUnit.DAYS.between(p[0], p[1]) + 1).isEqualTo(28));
		assertThat(RotationPlanner.split(FIRST, FIRST.plusDays(29), 28)).hasSize(2)
			.allSatisfy(p -> assertThat(java.time.temporal.ChronoUnit.DAYS.between(p[0], p[1]) + 1).isEqualTo(15));
	}

	@Test
	void successivePeriodsDrawOnDifferentWardsAndSpreadTheLoad() {
		ward("R", 3, 0, 56, 20_000);
		ward("A", 3, 100, 56, 20_000);
		ward("B", 3, 200, 56, 20_000);
		ward("C", 3, 300, 56, 20_000);
		ward("D", 3, 400, 56, 20_000);
		FlexRotation rotation = plan(56, 2);
		assertThat(rotation.periods()).hasSize(2);
		assertThat(rotation.periods()).allSatisfy(p -> {
			assertThat(p.officers()).hasSize(2);
			assertThat(p.officersShort()).isZero();
			assertThat(p.providingWards()).doesNotContain("R").hasSize(2);
		});
		Set<String> first = new HashSet<>(rotation.periods().get(0).providingWards());
		assertThat(rotation.periods().get(1).providingWards()).noneMatch(first::contains);
		// each of the four wards provides once: the most even spread
		assertThat(rotation.wards()).filteredOn(w -> !w.wardCode().equals("R")).allSatisfy(w -> assertThat(w.periods()).hasSize(1));
	}

	@Test
	void aWardWithoutASpareConstableIsNeverDrawnOn() {
		ward("A", 2, 100, 28, 0);
		ward("B", 3, 200, 28, 30_000);
		FlexRotation rotation = plan(28, 1);
		assertThat(rotation.periods().get(0).providingWards()).containsExactly("B");
	}

	@Test
	void theLessBurdenedWardProvidesFirst() {
		ward("A", 3, 100, 28, 40_000);
		ward("B", 3, 200, 28, 10_000);
		FlexRotation rotation = plan(28, 1);
		assertThat(rotation.periods().get(0).providingWards()).containsExactly("B");
		assertThat(rotation.shareMaxToMeanAfter()).isLessThan(rotation.shareMaxToMeanBefore());
	}

	@Test
	void officersWhoCannotBeFoundWithinTheRingFenceAreReportedShort() {
		ward("A", 3, 100, 28, 0);
		ward("B", 3, 200, 28, 0);
		FlexRotation rotation = plan(28, 3);
		assertThat(rotation.periods().get(0).officers()).hasSize(2);
		assertThat(rotation.periods().get(0).officersShort()).isEqualTo(1);
		assertThat(rotation.notes()).anySatisfy(n -> assertThat(n).contains("1 officer(s) short"));
	}

	@Test
	void noDayOfAnyWardFallsBelowItsRingFence() {
		for (int w = 0; w < 6; w++) {
			ward("W" + w, 3 + (w % 2), 100L * (w + 1), 84, 10_000L * w);
		}
		FlexRotation rotation = plan(84, 4);
		Map<String, Map<LocalDate, Integer>> taken = new HashMap<>();
		for (FlexRotation.Period period : rotation.periods()) {
			for (FlexRotation.Officer officer : period.officers()) {
				for (LocalDate d = period.firstDay(); !d.isAfter(period.lastDay()); d = d.plusDays(1)) {
					taken.computeIfAbsent(officer.providingWard(), x -> new HashMap<>()).merge(d, 1, Integer::sum);
				}
			}
		}
		taken.forEach((ward, days) -> days.forEach((day, count) -> {
			int onDuty = ward.equals("W1") || ward.equals("W3") || ward.equals("W5") ? 4 : 3;
			assertThat(onDuty - count).as(ward + " " + day).isGreaterThanOrEqualTo(2);
		}));
		assertThat(rotation.periods()).allSatisfy(p -> assertThat(p.officers()).hasSize(4));
	}

}
