package org.ringfence.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ringfence.identity.domain.LoginThrottlePolicy;
import org.ringfence.identity.domain.LoginThrottlePolicy.Failures;
import org.ringfence.identity.persistence.IdentityQueries;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logins in the database, so every instance sees the same counts. */
@Component
class LoginThrottle {

	private final IdentityQueries queries;

	private final Clock clock;

	private final LoginThrottlePolicy policy = LoginThrottlePolicy.DEFAULT;

	LoginThrottle(IdentityQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	Optional<Duration> lockedFor(String username, String address) {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.policy.window());
		Failures[] failures = this.queries.failures(username, address, since);
		return this.policy.lockedFor(failures[0], failures[1], now);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(String username, String address) {
		this.queries.recordFailure(username, address, this.clock.instant());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void succeeded(String username, String address) {
		Instant now = this.clock.instant();
		Failures failures = this.queries.failuresForAccount(username, now.minus(this.policy.window()));
		if (failures.count() > 0) {
			this.queries.recordSuccess(username, address, now);
		}
	}

}
