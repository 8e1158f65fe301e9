package org.ringfence.identity;

import java.time.Duration;
import java.util.Optional;

import org.ringfence.identity.persistence.IdentityQueries;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (form login and HTTP Basic alike), refusing while the account or
 * the caller's address is throttled. The password hash never reaches the session.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	/** Compared against when the user does not exist, so that timing does not tell who exists. */
	private final String noSuchUserHash;

	private final IdentityQueries queries;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final VerifiedCredentials verified;

	ThrottledAuthenticationProvider(IdentityQueries queries, PasswordEncoder passwords, LoginThrottle throttle,
			VerifiedCredentials verified) {
		this.queries = queries;
		this.passwords = passwords;
		this.throttle = throttle;
		this.verified = verified;
		this.noSuchUserHash = passwords.encode("no such user");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getName()).trim().toLowerCase(java.util.Locale.ROOT);
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		Optional<Duration> locked = this.throttle.lockedFor(username, address);
		if (locked.isPresent()) {
			long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
			throw new LockedException("Too many failed attempts. Try again in " + minutes + " minute"
					+ (minutes == 1 ? "" : "s") + ".");
		}
		Optional<RingfenceUser> user = username.length() > 64 ? Optional.empty() : this.queries.findUser(username);
		boolean matches = user.isPresent()
				&& this.verified.recentlyVerified(username, password, user.get().passwordHash())
				|| this.passwords.matches(password, user.map(RingfenceUser::passwordHash).orElse(this.noSuchUserHash));
		if (user.isEmpty() || !matches) {
			this.throttle.failed(username.length() > 64 ? username.substring(0, 64) : username, address);
			throw new BadCredentialsException("The username or password is not right.");
		}
		if (!user.get().enabled()) {
			throw new DisabledException("This account is disabled.");
		}
		this.throttle.succeeded(username, address);
		this.verified.verified(username, password, user.get().passwordHash());
		RingfenceUser principal = user.get().withoutPassword();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
