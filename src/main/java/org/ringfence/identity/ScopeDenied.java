package org.ringfence.identity;

import org.springframework.security.access.AccessDeniedException;

/** The caller's role may do this kind of thing, but not here: outside their scope. Answered with 403. */
public class ScopeDenied extends AccessDeniedException {

	public ScopeDenied(String message) {
		super(message);
	}

}
