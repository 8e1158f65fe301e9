package org.ringfence.neighbourhood.domain;

/**
 * A token bucket: holds up to {@code burst} requests, refilled at {@code perSecond}; a request
 * takes one token or is refused with the seconds to wait. Time is passed in (nanoseconds) so the
 * rule is tested without sleeping. Thread-safe.
 */
public final class TokenBucket {

	private final double perSecond;

	private final double burst;

	private double tokens;

	private long lastNanos;

	public TokenBucket(double perSecond, int burst, long nowNanos) {
		if (perSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
		}
		this.perSecond = perSecond;
		this.burst = burst;
		this.tokens = burst;
		this.lastNanos = nowNanos;
	}

	/** Takes a token: 0 when the request may go, otherwise the whole seconds to wait (at least 1). */
	public synchronized long take(long nowNanos) {
		refill(nowNanos);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		double wait = (1 - this.tokens) / this.perSecond;
		return Math.max(1, (long) Math.ceil(wait));
	}

	/** Whether the bucket is full again (so it may be forgotten). */
	public synchronized boolean full(long nowNanos) {
		refill(nowNanos);
		return this.tokens >= this.burst;
	}

	private void refill(long nowNanos) {
		long elapsed = nowNanos - this.lastNanos;
		if (elapsed > 0) {
			this.tokens = Math.min(this.burst, this.tokens + elapsed / 1e9 * this.perSecond);
			this.lastNanos = nowNanos;
		}
	}

}
