package org.ringfence.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The officers of a force, BCU or borough shared among its wards by demand, beside the 2007 rule.
 * @param demandTotal the demand measure summed over the scope's wards
 * @param lastPriority for divisor methods, the priority value of the last officer placed
 * @param wards every ward of the scope, by borough then ward name
 * @param boroughs per borough: the allocation against the 2007 rule, and which wards gain and lose
 * @param rule2007 how the 2007 rule was applied
 * @param elapsedMillis how long the computation took on the server
 */
public record OfficerAllocation(String scope, String scopeName, String method, String methodLabel, String measure,
		String measureLabel, LocalDate from, LocalDate to, int total, int minimumPerWard, Integer cap, boolean noLoss,
		double demandTotal, OptionalDouble lastPriority, List<WardAllocation> wards, List<BoroughComparison> boroughs,
		Rule2007 rule2007, long elapsedMillis) {

	/**
	 * One ward.
	 * @param demand the ward's value of the demand measure
	 * @param share its share of the scope's demand (0-1)
	 * @param quota its exact share of the total: total x share
	 * @param boundedQuota its exact share once minimums, caps and no-loss are kept
	 * @param current the ward team's DWOs and PCs today
	 * @param minimum the least it could get: the minimum per ward, or what it has when no ward may lose
	 * @param allocation what it gets
	 * @param change allocation − current
	 * @param rule2007 what it would get under the 2007 rule
	 * @param versus2007 allocation − rule2007 (positive: the ward gains from allocating by demand)
	 */
	public record WardAllocation(String code, String name, String boroughCode, String boroughName, Integer population,
			double demand, double share, double quota, double boundedQuota, int current, int minimum, Integer cap,
			int allocation, int change, int rule2007, int versus2007) {
	}

	/**
	 * One borough.
	 * @param wardsGaining wards that get more by demand than by the 2007 rule
	 * @param wardsLosing wards that get fewer
	 */
	public record BoroughComparison(String code, String name, String bcu, int wards, double demandShare, int current,
			int allocation, int rule2007, int difference, int wardsGaining, int wardsLosing, int enhancedWards2007) {
	}

	/** The 2007 rule: wards over the threshold share what is left after minimums equally. */
	public record Rule2007(int threshold, int enhancedWards, int unplaced, String description) {
	}

}
