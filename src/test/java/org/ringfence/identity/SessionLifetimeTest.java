package org.ringfence.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** ASVS 3.3.2: a signed-in session ends 12 hours after sign-in however busy it is. */
class SessionLifetimeTest {

	static final Instant SIGNED_IN = Instant.parse("2034-03-01T07:00:00Z");

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theClockStartsAtTheFirstRequestAndTheSessionEndsAfterTheLimit() throws Exception {
		MockHttpSession session = new MockHttpSession();
		run(session, SIGNED_IN);
		assertThat(session.getAttribute(SessionLifetime.SIGNED_IN_AT)).isEqualTo(SIGNED_IN.toEpochMilli());

		run(session, SIGNED_IN.plus(Duration.ofHours(11).plusMinutes(59)));
		assertThat(session.isInvalid()).isFalse();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();

		run(session, SIGNED_IN.plus(Duration.ofHours(12).plusMinutes(1)));
		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void anonymousSessionsAreLeftAlone() throws Exception {
		MockHttpSession session = new MockHttpSession();
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		new SessionLifetime(Duration.ofHours(12), Clock.fixed(SIGNED_IN, ZoneOffset.UTC)).doFilter(request,
				new MockHttpServletResponse(), new MockFilterChain());
		assertThat(session.getAttribute(SessionLifetime.SIGNED_IN_AT)).isNull();
	}

	private static void run(MockHttpSession session, Instant at) throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		new SessionLifetime(Duration.ofHours(12), Clock.fixed(at, ZoneOffset.UTC)).doFilter(request,
				new MockHttpServletResponse(), new MockFilterChain());
	}

}
