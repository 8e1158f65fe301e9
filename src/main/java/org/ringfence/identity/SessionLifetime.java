package org.ringfence.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An absolute limit on a signed-in session (ASVS 3.3.2): the idle timeout
 * ({@code spring.session.timeout}) ends a session nobody uses; this ends one in use once it is
 * older than the limit ({@code ringfence.session.absolute-timeout}, 12 hours), so the user signs in
 * again. The clock starts at the first request after signing in.
 */
class SessionLifetime extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "ringfence.signedInAt";

	private final Duration limit;

	private final Clock clock;

	SessionLifetime(Duration limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			long now = this.clock.millis();
			Object since = session.getAttribute(SIGNED_IN_AT);
			if (since == null) {
				session.setAttribute(SIGNED_IN_AT, now);
			}
			else if (now - (Long) since > this.limit.toMillis()) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

}
