package org.ringfence.neighbourhood.web;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ringfence.neighbourhood.NeighbourhoodProperties;
import org.ringfence.neighbourhood.domain.TokenBucket;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public API's rate limit per client address (as data.police.uk: a sustained rate with a
 * burst; {@code ringfence.neighbourhood.requests-per-second} and {@code .burst}). Past it a client
 * gets 429 with Retry-After (whole seconds). The address is the connection's (behind a proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's).
 */
class PublicRateLimit extends OncePerRequestFilter {

	private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private volatile double perSecond;

	private volatile int burst;

	PublicRateLimit(NeighbourhoodProperties properties) {
		this.perSecond = properties.requestsPerSecond();
		this.burst = properties.burst();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = System.nanoTime();
		TokenBucket bucket = this.buckets.computeIfAbsent(request.getRemoteAddr(),
				a -> new TokenBucket(this.perSecond, this.burst, now));
		long wait = bucket.take(now);
		response.setHeader("X-RateLimit-Limit", rateDescription());
		if (wait > 0) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(wait));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"https://ringfence.example/problems/rate-limited\",\"title\":\"Too Many Requests\","
						+ "\"status\":429,\"detail\":\"More than " + rateDescription()
						+ " from your address: try again after the Retry-After seconds.\",\"code\":\"rate-limited\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private String rateDescription() {
		return stripZero(this.perSecond) + " requests per second, burst " + this.burst;
	}

	private static String stripZero(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	/** Forgets clients whose bucket has filled up again. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdleClients() {
		long now = System.nanoTime();
		this.buckets.values().removeIf(b -> b.full(now));
	}

	/** Sets the limit and forgets every client (tests). */
	void limit(double perSecond, int burst) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.buckets.clear();
	}

	double perSecond() {
		return this.perSecond;
	}

	int burst() {
		return this.burst;
	}

}
