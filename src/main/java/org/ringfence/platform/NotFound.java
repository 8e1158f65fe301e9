package org.ringfence.platform;

/** A named thing does not exist (or is outside what the caller may know of). Answered with 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
