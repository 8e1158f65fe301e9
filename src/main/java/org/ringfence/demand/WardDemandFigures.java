package org.ringfence.demand;

/**
 * One ward's demand over a period.
 * @param tno recorded crimes (total notifiable offences)
 * @param asb anti-social behaviour incidents (data.police.uk) or ASB CAD calls, whichever the data holds
 * @param calls CAD calls for service of every category
 * @param localFactors the sum of the weights of the ward's local factors (hospital, college,
 *     night-time economy, shared SN base, ...), in the same units as one month's TNO + ASB
 */
public record WardDemandFigures(String wardCode, long tno, long asb, long calls, double localFactors) {

	/** SN demand as the 2011 model defines it: TNO + ASB, plus local factors. */
	public double snDemand() {
		return this.tno + this.asb + this.localFactors;
	}

}
