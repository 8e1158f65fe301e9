package org.ringfence.geography;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All London's active wards as one GeoJSON FeatureCollection, for London-wide maps. The stored
 * boundaries are already simplified (about 44,000 points for 632 wards, some 1.1 MB as text,
 * a third of that compressed), so they are served as stored.
 */
@Service
public class LondonMap {

	private final WardShapes shapes;

	LondonMap(WardShapes shapes) {
		this.shapes = shapes;
	}

	/** The GeoJSON and a tag that changes when it does (for HTTP caching). */
	public record Wards(String geoJson, String tag) {
	}

	@Transactional(readOnly = true)
	public Wards wards() {
		String geoJson = this.shapes.geoJson(Optional.empty(), Optional.empty());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(geoJson.getBytes(StandardCharsets.UTF_8));
			return new Wards(geoJson, HexFormat.of().formatHex(digest, 0, 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
