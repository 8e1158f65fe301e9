package org.ringfence.protocol;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTimelineTest {

	static final ProtocolRuleSet SN_2011 = new ProtocolRuleSet(1, "SN Deployment Protocol 2011", LocalDate.of(2011, 10, 24),
			"", "", new RingFenceRule(1, 1), new FlexDurationRule(28, 14), true, new FairnessRule(84, 1.5));

	static final ProtocolRuleSet ONE_MET_2017 = new ProtocolRuleSet(2, "One Met 2017", LocalDate.of(2017, 9, 21), "", "",
			new RingFenceRule(2, 1), new FlexDurationRule(28, 14), true, new FairnessRule(84, 1.5));

	static final RuleSetTimeline TIMELINE = new RuleSetTimeline(List.of(ONE_MET_2017, SN_2011));

	@Test
	void theStricterOneMetMinimumAppliesFromItsEffectiveDateAndNotTheDayBefore() {
		RingFenceRule dayBefore = TIMELINE.require(LocalDate.of(2017, 9, 20)).ringFence();
		RingFenceRule effectiveDay = TIMELINE.require(LocalDate.of(2017, 9, 21)).ringFence();
		// a ward left with one constable on ward duty
		assertThat(dayBefore.shortfall(Rank.CONSTABLE, 1)).isZero();
		assertThat(effectiveDay.shortfall(Rank.CONSTABLE, 1)).isEqualTo(1);
		assertThat(effectiveDay.shortfall(Rank.PCSO, 1)).isZero();
	}

	@Test
	void noSetIsInForceBeforeTheProtocolWentLive() {
		assertThat(TIMELINE.inForceOn(LocalDate.of(2011, 10, 23))).isEmpty();
		assertThat(TIMELINE.inForceOn(LocalDate.of(2011, 10, 24))).contains(SN_2011);
		assertThat(TIMELINE.inForceOn(LocalDate.of(2040, 1, 1))).contains(ONE_MET_2017);
	}

	@Test
	void aPeriodStraddlingANewSetSplitsIntoTheDaysEachSetJudges() {
		List<RuleSetTimeline.Span> spans = TIMELINE.spans(LocalDate.of(2017, 9, 11), LocalDate.of(2017, 10, 8));
		assertThat(spans).extracting(s -> s.set().name()).containsExactly("SN Deployment Protocol 2011", "One Met 2017");
		assertThat(spans.get(0).to()).isEqualTo(LocalDate.of(2017, 9, 20));
		assertThat(spans.get(1).from()).isEqualTo(LocalDate.of(2017, 9, 21));
		assertThat(spans.get(1).to()).isEqualTo(LocalDate.of(2017, 10, 8));
	}

	@Test
	void twoSetsCannotTakeEffectOnTheSameDay() {
		ProtocolRuleSet twin = new ProtocolRuleSet(3, "Twin", ONE_MET_2017.effectiveFrom(), "", "", new RingFenceRule(3, 1),
				new FlexDurationRule(28, 14), true, new FairnessRule(84, 1.5));
		assertThatThrownBy(() -> new RuleSetTimeline(List.of(ONE_MET_2017, twin))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theRingFenceCountsShortfallsByRank() {
		RingFenceRule rule = new RingFenceRule(2, 1);
		assertThat(rule.shortfall(Rank.CONSTABLE, 0)).isEqualTo(2);
		assertThat(rule.shortfall(Rank.CONSTABLE, 3)).isZero();
		assertThat(rule.shortfall(Rank.PCSO, 0)).isEqualTo(1);
		assertThat(rule.describe()).isEqualTo("2 constables and 1 PCSO");
	}

	@Test
	void dedicatedWardOfficersAndPcsCountAsConstables() {
		assertThat(Rank.ofRole("DWO")).contains(Rank.CONSTABLE);
		assertThat(Rank.ofRole("PC")).contains(Rank.CONSTABLE);
		assertThat(Rank.ofRole("PCSO")).contains(Rank.PCSO);
		assertThat(Rank.ofRole("SERGEANT")).isEmpty();
	}

	@Test
	void aFlexOfTwentyEightDaysIsWithinTheLimitAndTwentyNineIsNot() {
		FlexDurationRule rule = new FlexDurationRule(28, 14);
		LocalDate first = LocalDate.of(2034, 3, 6);
		assertThat(rule.exceeds(first, first.plusDays(27))).isFalse();
		assertThat(rule.exceeds(first, first.plusDays(28))).isTrue();
		assertThat(rule.reviewDue(first)).isEqualTo(LocalDate.of(2034, 3, 20));
		assertThat(rule.latestLastDay(first)).isEqualTo(LocalDate.of(2034, 4, 2));
	}

	@Test
	void fairnessMeasuresSpreadByMaxOverMeanAndGini() {
		assertThat(FairnessRule.gini(List.of(0.2, 0.2, 0.2))).isZero();
		assertThat(FairnessRule.maxToMean(List.of(0.2, 0.2, 0.2))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(FairnessRule.gini(List.of(0.0, 0.0, 0.9))).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(FairnessRule.maxToMean(List.of(0.1, 0.1, 0.4))).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
		FairnessRule rule = new FairnessRule(84, 1.5);
		assertThat(rule.over(0.31, 0.2)).isTrue();
		assertThat(rule.over(0.29, 0.2)).isFalse();
	}

}
