package org.ringfence.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a piece of data belongs, as far as access is concerned: a borough, and within it possibly a
 * cluster and a ward.
 */
public record Place(String boroughCode, Optional<String> clusterCode, Optional<String> wardCode) {

	public Place {
		Objects.requireNonNull(boroughCode, "boroughCode");
		clusterCode = clusterCode == null ? Optional.empty() : clusterCode;
		wardCode = wardCode == null ? Optional.empty() : wardCode;
	}

	public static Place borough(String boroughCode) {
		return new Place(boroughCode, Optional.empty(), Optional.empty());
	}

	public static Place cluster(String boroughCode, String clusterCode) {
		return new Place(boroughCode, Optional.of(clusterCode), Optional.empty());
	}

	public static Place ward(String boroughCode, String clusterCode, String wardCode) {
		return new Place(boroughCode, Optional.ofNullable(clusterCode), Optional.of(wardCode));
	}

}
