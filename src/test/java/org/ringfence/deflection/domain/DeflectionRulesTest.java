package org.ringfence.deflection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.deflection.domain.DeflectionRules.Case;
import org.ringfence.deflection.domain.DeflectionRules.Condition;
import org.ringfence.deflection.domain.DeflectionRules.Judgement;
import org.ringfence.deflection.domain.DeflectionRules.Person;
import org.ringfence.deflection.domain.DeflectionRules.Priorities;
import org.ringfence.deflection.domain.DeflectionRules.Settings;
import org.ringfence.platform.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeflectionRulesTest {

	static final LocalDate TODAY = LocalDate.of(2034, 6, 15);

	static final Instant UNTIL = Instant.parse("2034-06-15T14:00:00Z");

	static final Settings SETTINGS = new Settings(60, 90);

	static final Person PC = new Person(1, "Ann Constable", "PC", "Police constable", true, UNTIL);

	static final Person PCSO = new Person(2, "Bob Support", "PCSO", "Police community support officer", false, UNTIL);

	static final Priorities PRIORITIES = new Priorities(Set.of("ASB_YOUTH", "BURGLARY_FOLLOW_UP"),
			List.of("ASB - youth nuisance", "Burglary follow-up"), TODAY.minusDays(10));

	/** A call that passes all four conditions; each test breaks one thing. */
	static Case call(List<Person> onDuty, boolean needsPoliceOfficer, String category, boolean arrestLikely, int minutes,
			Optional<Priorities> priorities, boolean critical, Optional<String> override) {
		return new Case(category, category, arrestLikely, needsPoliceOfficer, minutes, critical, override, onDuty,
				priorities, TODAY);
	}

	static Case good() {
		return call(List.of(PC, PCSO), false, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES), false, Optional.empty());
	}

	static List<Boolean> verdicts(Judgement j) {
		return j.conditions().stream().map(Condition::passed).toList();
	}

	@Test
	void deflectsWhenAllFourConditionsPassAndNamesEveryoneOnDutyForAPcsoSuitableCall() {
		Judgement j = DeflectionRules.judge(good(), SETTINGS);
		assertThat(j.deflect()).isTrue();
		assertThat(j.overridden()).isFalse();
		assertThat(verdicts(j)).containsExactly(true, true, true, true);
		assertThat(j.officers()).containsExactly(PC, PCSO);
		assertThat(j.conditions()).extracting(Condition::number).containsExactly(1, 2, 3, 4);
	}

	@Test
	void conditionOneAloneBlocksWhenNoOneIsOnDutyOnTheWard() {
		Judgement j = DeflectionRules.judge(call(List.of(), false, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES), false,
				Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(verdicts(j)).containsExactly(false, true, true, true);
		assertThat(j.conditions().get(0).reason()).contains("No member");
		assertThat(j.officers()).isEmpty();
	}

	@Test
	void conditionTwoAloneBlocksACallNeedingAPoliceOfficerWhenOnlyAPcsoIsOnDuty() {
		Judgement j = DeflectionRules.judge(call(List.of(PCSO), true, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES), false,
				Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(verdicts(j)).containsExactly(true, false, true, true);
		assertThat(j.conditions().get(1).reason()).contains("Needs a police officer").contains("police community support officer");
	}

	@Test
	void aCallNeedingAPoliceOfficerGoesOnlyToTheOfficers() {
		Judgement j = DeflectionRules.judge(call(List.of(PC, PCSO), true, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES),
				false, Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isTrue();
		assertThat(j.officers()).containsExactly(PC);
	}

	@Test
	void conditionThreeAloneBlocksACallOutsideTheTeamsPriorities() {
		Judgement j = DeflectionRules.judge(call(List.of(PC, PCSO), false, "NOISE", false, 30, Optional.of(PRIORITIES), false,
				Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(verdicts(j)).containsExactly(true, true, false, true);
		assertThat(j.conditions().get(2).reason()).contains("not among").contains("ASB - youth nuisance");
	}

	@Test
	void conditionThreeFailsWhenTheTeamHasCommunicatedNoPriorities() {
		Judgement j = DeflectionRules.judge(call(List.of(PC), false, "ASB_YOUTH", false, 30, Optional.empty(), false,
				Optional.empty()), SETTINGS);
		assertThat(verdicts(j)).containsExactly(true, true, false, true);
		assertThat(j.deflect()).isFalse();
	}

	@Test
	void conditionFourAloneBlocksACallExpectedToTakeLongerThanTheThreshold() {
		Judgement j = DeflectionRules.judge(call(List.of(PC, PCSO), false, "ASB_YOUTH", false, 61, Optional.of(PRIORITIES),
				false, Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(verdicts(j)).containsExactly(true, true, true, false);
		assertThat(j.conditions().get(3).reason()).contains("61 minutes, more than 60");
	}

	@Test
	void conditionFourAtTheThresholdPasses() {
		Judgement j = DeflectionRules.judge(call(List.of(PC), false, "ASB_YOUTH", false, 60, Optional.of(PRIORITIES), false,
				Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isTrue();
	}

	@Test
	void conditionFourAloneBlocksACallLikelyToEndInAnArrest() {
		Priorities accepting = new Priorities(Set.of("SHOPLIFTER_DETAINED"), List.of("Shoplifter"), TODAY);
		Judgement j = DeflectionRules.judge(call(List.of(PC), false, "SHOPLIFTER_DETAINED", true, 20, Optional.of(accepting),
				false, Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(verdicts(j)).containsExactly(true, true, true, false);
		assertThat(j.conditions().get(3).reason()).contains("arrest");
	}

	@Test
	void stalePrioritiesWarnButDoNotBlock() {
		Priorities old = new Priorities(PRIORITIES.categories(), PRIORITIES.categoryNames(), TODAY.minusDays(91));
		Judgement j = DeflectionRules.judge(call(List.of(PC), false, "ASB_YOUTH", false, 30, Optional.of(old), false,
				Optional.empty()), SETTINGS);
		assertThat(j.deflect()).isTrue();
		assertThat(j.warnings()).anyMatch(w -> w.contains("91 days ago"));
		Priorities fresh = new Priorities(PRIORITIES.categories(), PRIORITIES.categoryNames(), TODAY.minusDays(90));
		assertThat(DeflectionRules.judge(call(List.of(PC), false, "ASB_YOUTH", false, 30, Optional.of(fresh), false,
				Optional.empty()), SETTINGS).warnings()).isEmpty();
	}

	@Test
	void theOverrideDeflectsACriticalIncidentAlthoughConditionsFail() {
		Judgement j = DeflectionRules.judge(call(List.of(PCSO), true, "FIGHT_IN_PROGRESS", true, 120, Optional.empty(), true,
				Optional.of("Developing major incident: SNT nearest and most appropriate")), SETTINGS);
		assertThat(j.deflect()).isTrue();
		assertThat(j.overridden()).isTrue();
		assertThat(verdicts(j)).containsExactly(true, false, false, false);
		assertThat(j.officers()).containsExactly(PCSO);
	}

	@Test
	void theOverrideIsRefusedWithoutACriticalIncident() {
		assertThatThrownBy(() -> DeflectionRules.judge(call(List.of(PC), false, "NOISE", false, 30, Optional.of(PRIORITIES),
				false, Optional.of("I think so")), SETTINGS))
			.isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("critical or major incident");
	}

	@Test
	void theOverrideCannotSendSomeoneWhoIsNotOnDuty() {
		Judgement j = DeflectionRules.judge(call(List.of(), false, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES), true,
				Optional.of("Major incident")), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(j.overridden()).isFalse();
		assertThat(j.warnings()).anyMatch(w -> w.contains("cannot apply"));
	}

	@Test
	void anOverrideThatIsNotNeededIsNotCountedAsOne() {
		Case passing = call(List.of(PC), false, "ASB_YOUTH", false, 30, Optional.of(PRIORITIES), true,
				Optional.of("Major incident"));
		Judgement j = DeflectionRules.judge(passing, SETTINGS);
		assertThat(j.deflect()).isTrue();
		assertThat(j.overridden()).isFalse();
		assertThat(j.warnings()).anyMatch(w -> w.contains("not needed"));
	}

	@Test
	void aBlankOverrideReasonIsNoOverride() {
		Judgement j = DeflectionRules.judge(call(List.of(PC), false, "NOISE", false, 30, Optional.of(PRIORITIES), true,
				Optional.of("   ")), SETTINGS);
		assertThat(j.deflect()).isFalse();
		assertThat(j.overridden()).isFalse();
	}

}
