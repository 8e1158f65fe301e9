package org.ringfence.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes every sign-in through the login form, every failed authentication (form or HTTP Basic)
 * and every sign-out to the security log ({@value #LOGGER}): who, from which address and, for a
 * failure, why. Never the password. Successful HTTP Basic calls are not logged one by one (every
 * API call authenticates; the access log of the proxy has them).
 */
@Component
class LoginAudit {

	static final String LOGGER = "ringfence.security";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication who = event.getAuthentication();
		log.atInfo()
			.addKeyValue("event", "login-success")
			.addKeyValue("user", who.getName())
			.addKeyValue("address", address(who))
			.log("Login succeeded: user={} address={}", who.getName(), address(who));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication who = event.getAuthentication();
		String user = printable(String.valueOf(who.getName()));
		String reason = event.getException().getClass().getSimpleName();
		log.atWarn()
			.addKeyValue("event", "login-failure")
			.addKeyValue("user", user)
			.addKeyValue("address", address(who))
			.addKeyValue("reason", reason)
			.log("Login failed: user={} address={} reason={}", user, address(who), reason);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		Authentication who = event.getAuthentication();
		log.atInfo()
			.addKeyValue("event", "logout")
			.addKeyValue("user", who.getName())
			.log("Logout: user={}", who.getName());
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
	}

	/** A username as typed can hold anything: no line breaks or control characters into the log, at most 64 characters. */
	static String printable(String name) {
		String clean = name.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
	}

}
