package org.ringfence.deflection.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.deflection.domain.DeploymentRules.Deployment;
import org.ringfence.platform.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentRulesTest {

	static final LocalDate FROM = LocalDate.of(2034, 7, 1);

	static final LocalDate TO = LocalDate.of(2034, 7, 5);

	static Deployment deployment(String home, LocalDate from, LocalDate to, String purpose, Optional<String> extreme) {
		return new Deployment(FROM, TO, "E09000007", from, to, Optional.empty(), Optional.empty(), home, purpose, extreme);
	}

	@Test
	void aHomeBoroughDeploymentWithAReassurancePurposeIsAcceptedAndNotFlagged() {
		assertThat(DeploymentRules.check(deployment("E09000007", FROM, TO, "Reassurance patrols near the scene", Optional.empty())))
			.isFalse();
	}

	@Test
	void useOutsideTheHomeBoroughIsRefusedWithoutExtremeCircumstances() {
		assertThatThrownBy(() -> DeploymentRules.check(deployment("E09000012", FROM, TO, "Reassurance patrols near the scene",
				Optional.empty())))
			.isInstanceOfSatisfying(DomainRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("extreme-circumstances-required"))
			.hasMessageContaining("extreme circumstances");
	}

	@Test
	void useOutsideTheHomeBoroughWithExtremeCircumstancesIsFlagged() {
		assertThat(DeploymentRules.check(deployment("E09000012", FROM, TO, "Reassurance patrols near the scene",
				Optional.of("Multiple simultaneous terror attacks across London")))).isTrue();
	}

	@Test
	void aDeploymentMustStateItsReassurancePurpose() {
		assertThatThrownBy(() -> DeploymentRules.check(deployment("E09000007", FROM, TO, "patrol", Optional.empty())))
			.isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("reassurance purpose");
	}

	@Test
	void aDeploymentLiesWithinTheEventsDays() {
		assertThatThrownBy(() -> DeploymentRules.check(deployment("E09000007", FROM, TO.plusDays(1),
				"Reassurance patrols near the scene", Optional.empty())))
			.isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("within the event's days");
	}

}
