package org.ringfence.demand.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a local factor must be: a ward, a kind, a description of 1-200 characters and a weight of 0-10,000 (two decimals). */
public final class LocalFactorRules {

	public static final BigDecimal MAX_WEIGHT = new BigDecimal("10000");

	private LocalFactorRules() {
	}

	/** The problems with a factor's fields, as (field, message) pairs; empty when it is fine. */
	public static List<String[]> problems(String kind, String description, BigDecimal weight) {
		List<String[]> problems = new ArrayList<>();
		if (kind == null || kind.isBlank()) {
			problems.add(new String[] { "kind", "choose a kind" });
		}
		else {
			try {
				LocalFactorKind.valueOf(kind);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new String[] { "kind", "must be one of HOSPITAL, COLLEGE, NIGHT_TIME_ECONOMY, SHARED_SN_BASE, OTHER" });
			}
		}
		if (description == null || description.isBlank()) {
			problems.add(new String[] { "description", "describe the factor (e.g. the hospital's name)" });
		}
		else if (description.strip().length() > 200) {
			problems.add(new String[] { "description", "at most 200 characters" });
		}
		if (weight == null) {
			problems.add(new String[] { "weight", "give a weight (a number of 0 or more)" });
		}
		else if (weight.signum() < 0 || weight.compareTo(MAX_WEIGHT) > 0) {
			problems.add(new String[] { "weight", "must be from 0 to 10,000" });
		}
		else if (weight.stripTrailingZeros().scale() > 2) {
			problems.add(new String[] { "weight", "at most two decimals" });
		}
		return problems;
	}

	/** The problems with a category weight (0-1,000, three decimals). */
	public static List<String[]> weightProblems(BigDecimal weight) {
		List<String[]> problems = new ArrayList<>();
		if (weight == null) {
			problems.add(new String[] { "weight", "give a weight (a number of 0 or more)" });
		}
		else if (weight.signum() < 0 || weight.compareTo(new BigDecimal("1000")) > 0) {
			problems.add(new String[] { "weight", "must be from 0 to 1,000" });
		}
		else if (weight.stripTrailingZeros().scale() > 3) {
			problems.add(new String[] { "weight", "at most three decimals" });
		}
		return problems;
	}

}
