package org.ringfence.geography;

import java.util.List;

/**
 * What a boundary import did (or, in a dry run or when anything was rejected, would have done):
 * wards created, changed, unchanged and retired, features rejected and why, boroughs whose clusters
 * were planned again, and warnings.
 */
public record BoundaryImportReport(Long boundarySetId, boolean dryRun, boolean applied, int features,
		List<String> created, List<String> changed, int unchanged, List<String> retired, List<Rejected> rejected,
		List<String> reclustered, List<String> warnings) {

	/** A feature that was not accepted: its position in the file (0-based), its code if it had one, and why. */
	public record Rejected(int feature, String code, String reason) {
	}

}
