package org.ringfence.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.platform.InvalidInput;

/** What every upload endpoint does alike: bound a raw request body, and tame a client's file name. */
public final class Uploads {

	/** The largest file accepted as a raw request body. */
	public static final int MAX_BODY = 50 * 1024 * 1024;

	private Uploads() {
	}

	/** The request body, refused with a clear error when larger than {@link #MAX_BODY}. */
	public static byte[] body(HttpServletRequest request) throws IOException {
		byte[] content = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (content.length > MAX_BODY) {
			throw new InvalidInput("The file is larger than " + (MAX_BODY / 1024 / 1024) + " MB.",
					List.of(new InvalidInput.FieldError("body", "too large")));
		}
		return content;
	}

	/** Keeps only the last path element of a client's file name, and only printable characters. */
	public static String safeName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return "(unnamed)";
		}
		String last = fileName.replace('\\', '/');
		last = last.substring(last.lastIndexOf('/') + 1);
		last = last.replaceAll("[^A-Za-z0-9._ -]", "_");
		return last.length() > 100 ? last.substring(0, 100) : last;
	}

}
