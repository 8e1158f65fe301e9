package org.ringfence.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void aVerifiedPasswordIsRememberedForTheSameStoredHashOnly() {
		VerifiedCredentials credentials = new VerifiedCredentials(Clock.fixed(NOW, ZoneOffset.UTC));
		credentials.verified("analyst", "demo-password", "$2a$10$hash-one");
		assertThat(credentials.recentlyVerified("analyst", "demo-password", "$2a$10$hash-one")).isTrue();
		assertThat(credentials.recentlyVerified("analyst", "wrong-password", "$2a$10$hash-one")).isFalse();
		assertThat(credentials.recentlyVerified("admin", "demo-password", "$2a$10$hash-one")).isFalse();
		assertThat(credentials.recentlyVerified("analyst", "demo-password", "$2a$10$hash-two")).isFalse();
	}

	@Test
	void itIsForgottenAfterItsTimeToLive() {
		MovableClock clock = new MovableClock();
		VerifiedCredentials credentials = new VerifiedCredentials(clock);
		credentials.verified("analyst", "demo-password", "h");
		clock.now = NOW.plus(VerifiedCredentials.TIME_TO_LIVE).minusSeconds(1);
		assertThat(credentials.recentlyVerified("analyst", "demo-password", "h")).isTrue();
		clock.now = NOW.plus(VerifiedCredentials.TIME_TO_LIVE);
		assertThat(credentials.recentlyVerified("analyst", "demo-password", "h")).isFalse();
	}

	static final class MovableClock extends Clock {

		Instant now = NOW;

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
