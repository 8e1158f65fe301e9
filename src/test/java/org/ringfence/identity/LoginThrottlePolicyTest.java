package org.ringfence.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.identity.domain.LoginThrottlePolicy;
import org.ringfence.identity.domain.LoginThrottlePolicy.Failures;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	static final Failures NONE = new Failures(0, Optional.empty());

	final LoginThrottlePolicy policy = LoginThrottlePolicy.DEFAULT;

	@Test
	void fourFailuresDoNotLockAnAccount() {
		assertThat(this.policy.lockedFor(new Failures(4, Optional.of(NOW)), NONE, NOW)).isEmpty();
	}

	@Test
	void fiveFailuresLockTheAccountForTheWindowAfterTheLastOne() {
		Failures five = new Failures(5, Optional.of(NOW.minusSeconds(60)));
		assertThat(this.policy.lockedFor(five, NONE, NOW)).contains(Duration.ofMinutes(14));
		assertThat(this.policy.lockedFor(five, NONE, NOW.plus(Duration.ofMinutes(14)))).isEmpty();
	}

	@Test
	void manyFailuresFromOneAddressLockItWhateverTheAccount() {
		assertThat(this.policy.lockedFor(NONE, new Failures(30, Optional.of(NOW)), NOW)).contains(Duration.ofMinutes(15));
		assertThat(this.policy.lockedFor(NONE, new Failures(29, Optional.of(NOW)), NOW)).isEmpty();
	}

}
