package org.ringfence.allocation.domain;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The result of an apportionment, indexed like its problem.
 * @param seats each claimant's seats; they add up to the total and keep every minimum and cap
 * @param quotas each claimant's exact share of the total (total x weight / all weight), ignoring bounds
 * @param boundedQuotas the exact shares once minimums and caps are kept: a claimant held at a bound
 *     has the bound, the others share the rest in proportion to weight; they add up to the total
 * @param lastPriority for divisor methods, the priority value of the last seat given (a divisor
 *     that gives this result); empty for largest remainder
 * @param nextPriority for divisor methods, the priority value of the seat that would come next
 */
public record Apportioned(int[] seats, double[] quotas, double[] boundedQuotas, OptionalDouble lastPriority,
		OptionalDouble nextPriority) {

	public Apportioned {
		seats = seats.clone();
		quotas = quotas.clone();
		boundedQuotas = boundedQuotas.clone();
	}

	@Override
	public int[] seats() {
		return this.seats.clone();
	}

	public int seats(int i) {
		return this.seats[i];
	}

	@Override
	public double[] quotas() {
		return this.quotas.clone();
	}

	public double quota(int i) {
		return this.quotas[i];
	}

	@Override
	public double[] boundedQuotas() {
		return this.boundedQuotas.clone();
	}

	public double boundedQuota(int i) {
		return this.boundedQuotas[i];
	}

	public int total() {
		return Arrays.stream(this.seats).sum();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Apportioned a && Arrays.equals(this.seats, a.seats);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.seats);
	}

	@Override
	public String toString() {
		return "Apportioned" + Arrays.toString(this.seats);
	}

}
