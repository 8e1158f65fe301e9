package org.ringfence.neighbourhood.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketTest {

	static final long SECOND = 1_000_000_000L;

	@Test
	void aBurstThenTheRate() {
		TokenBucket bucket = new TokenBucket(15, 30, 0);
		for (int i = 0; i < 30; i++) {
			assertThat(bucket.take(0)).as("request " + i).isZero();
		}
		assertThat(bucket.take(0)).as("the 31st at once waits").isEqualTo(1);
		// a fifteenth of a second gives one token back
		assertThat(bucket.take(SECOND / 15 + 1)).isZero();
		assertThat(bucket.take(SECOND / 15 + 2)).isPositive();
		// a second gives fifteen
		long t = SECOND / 15 + 2 + SECOND;
		for (int i = 0; i < 15; i++) {
			assertThat(bucket.take(t)).isZero();
		}
		assertThat(bucket.take(t)).isPositive();
	}

	@Test
	void theWaitIsWholeSecondsUntilATokenIsBack() {
		TokenBucket slow = new TokenBucket(0.25, 1, 0);
		assertThat(slow.take(0)).isZero();
		assertThat(slow.take(0)).isEqualTo(4);
		assertThat(slow.take(2 * SECOND)).isEqualTo(2);
	}

	@Test
	void neverMoreThanTheBurst() {
		TokenBucket bucket = new TokenBucket(10, 3, 0);
		assertThat(bucket.full(100 * SECOND)).isTrue();
		for (int i = 0; i < 3; i++) {
			assertThat(bucket.take(100 * SECOND)).isZero();
		}
		assertThat(bucket.take(100 * SECOND)).isPositive();
		assertThat(bucket.full(100 * SECOND)).isFalse();
	}

	@Test
	void aLimitNeedsARateAndABurst() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0, 0));
	}

}
