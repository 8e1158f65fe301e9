package org.ringfence.geography.boundary;

/**
 * A boundary file that cannot be read at all: not JSON, not a GeoJSON FeatureCollection, or one
 * with no features. The message says what is wrong in words a data officer can act on.
 */
public class BoundaryFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BoundaryFileException(String message) {
		super(message);
	}

	public BoundaryFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
