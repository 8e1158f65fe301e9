package org.ringfence.allocation;

import java.time.LocalDate;
import java.util.List;

/**
 * Which wards of a borough should share a sergeant, and why.
 * @param sergeantsSaved wards minus sergeants: how many sergeants sharing saves
 * @param objective the rules the recommendation follows, in words
 * @param groups the wards that share, lightest first
 * @param ownSergeant the wards that keep a sergeant of their own
 * @param clusters each cluster's part in the reductions against its fair share
 * @param heaviestShared the combined demand of the heaviest shared group
 * @param sharedDemand the demand of all wards under shared supervision
 * @param boroughDemand the demand of all the borough's wards
 * @param fairnessRelaxedBy how far above its fair share a cluster had to go (0 normally)
 * @param candidatePairs how many adjacent same-cluster pairs there are to choose from
 */
public record SupervisionRecommendation(String boroughCode, String boroughName, LocalDate from, LocalDate to,
		int sergeants, int wards, int sergeantsSaved, int maxGroupSize, String objective, List<SharedGroup> groups,
		List<WardFigures> ownSergeant, List<ClusterReduction> clusters, double heaviestShared, double sharedDemand,
		double boroughDemand, int fairnessRelaxedBy, int candidatePairs) {

	/** A cluster's part in the reductions. fairShare: sergeants saved x its share of the borough's wards. */
	public record ClusterReduction(String clusterCode, String clusterName, int wards, int sergeantsSaved,
			double fairShare, int limit) {
	}

}
