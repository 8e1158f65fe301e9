package org.ringfence.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When failed logins lock an account or an address. Failures are counted over a window; an account
 * with {@code maxAccountFailures} failures in the window is locked until the window has passed
 * since its last failure; an address with {@code maxAddressFailures} failures likewise. A success
 * clears the account's count.
 */
public record LoginThrottlePolicy(Duration window, int maxAccountFailures, int maxAddressFailures) {

	public static final LoginThrottlePolicy DEFAULT = new LoginThrottlePolicy(Duration.ofMinutes(15), 5, 30);

	public LoginThrottlePolicy {
		if (window.isNegative() || window.isZero() || maxAccountFailures < 1 || maxAddressFailures < 1) {
			throw new IllegalArgumentException("A throttle needs a positive window and limits");
		}
	}

	/** The failures seen in the window, with the time of the latest. */
	public record Failures(int count, Optional<Instant> latest) {
	}

	/** How long the caller must wait before trying again, if at all. */
	public Optional<Duration> lockedFor(Failures account, Failures address, Instant now) {
		Optional<Duration> accountLock = lock(account, this.maxAccountFailures, now);
		Optional<Duration> addressLock = lock(address, this.maxAddressFailures, now);
		if (accountLock.isPresent() && addressLock.isPresent()) {
			return Optional.of(accountLock.get().compareTo(addressLock.get()) >= 0 ? accountLock.get() : addressLock.get());
		}
		return accountLock.or(() -> addressLock);
	}

	private Optional<Duration> lock(Failures failures, int limit, Instant now) {
		if (failures.count() < limit || failures.latest().isEmpty()) {
			return Optional.empty();
		}
		Duration left = Duration.between(now, failures.latest().get().plus(this.window));
		return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
	}

}
