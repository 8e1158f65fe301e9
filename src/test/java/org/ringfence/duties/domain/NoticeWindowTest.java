package org.ringfence.duties.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeWindowTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final Instant NOW = Instant.parse("2034-03-01T10:00:00Z");

	@Test
	void aRosteredTourWithinAMonthIsFrozen() {
		Instant start = NOW.plus(10, ChronoUnit.DAYS);
		assertThat(NoticeWindow.frozen(true, "roster:7", start, start.plus(8, ChronoUnit.HOURS), NOW, LONDON)).isTrue();
	}

	@Test
	void beyondTheMonthOrInThePastOrNotRosteredItIsNot() {
		Instant later = NOW.plus(40, ChronoUnit.DAYS);
		assertThat(NoticeWindow.frozen(true, "roster:7", later, later.plus(8, ChronoUnit.HOURS), NOW, LONDON)).isFalse();
		Instant past = NOW.minus(2, ChronoUnit.DAYS);
		assertThat(NoticeWindow.frozen(true, "roster:7", past, past.plus(8, ChronoUnit.HOURS), NOW, LONDON)).isFalse();
		Instant soon = NOW.plus(3, ChronoUnit.DAYS);
		assertThat(NoticeWindow.frozen(true, "manual", soon, soon.plus(8, ChronoUnit.HOURS), NOW, LONDON)).isFalse();
		assertThat(NoticeWindow.frozen(false, "roster:7", soon, soon.plus(8, ChronoUnit.HOURS), NOW, LONDON)).isFalse();
	}

	@Test
	void aReasonMustSaySomething() {
		assertThat(NoticeWindow.reason(Optional.of("  "))).isEmpty();
		assertThat(NoticeWindow.reason(Optional.empty())).isEmpty();
		assertThat(NoticeWindow.reason(Optional.of(" Major incident: Camden High St "))).contains("Major incident: Camden High St");
	}

}
