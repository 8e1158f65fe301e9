package org.ringfence.allocation;

import java.util.List;

/**
 * Adjacent wards sharing one sergeant, with the figures that explain it.
 * @param rankAmongPairs for a pair, its place among all adjacent pairs of wards in one cluster of the
 *     borough by combined demand (1 = the lowest); 0 for a group of three or one given by hand
 *     across clusters
 * @param explanation the reasoning in a sentence or two, with the figures
 */
public record SharedGroup(List<WardFigures> wards, String clusterCode, String clusterName, double combinedDemand,
		int rankAmongPairs, String explanation) {
}
