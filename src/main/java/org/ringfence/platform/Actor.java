package org.ringfence.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making a change, as recorded on rows and in the audit trail: the logged-in user, else "system". */
public final class Actor {

	public static final String SYSTEM = "system";

	private Actor() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
	}

}
