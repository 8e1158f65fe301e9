package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ringfence.platform.DomainRuleViolation;

/**
 * The Safer Schools needs analysis (2011): each school's need is a weighted mean of its criteria,
 * each criterion first normalised across the schools being ranked so that criteria in different
 * units (a percentage, a count of incidents) can be added.
 * <ul>
 * <li>Min-max: (value − lowest) / (highest − lowest), so 0 is the least need among these schools
 * and 1 the most; a criterion where higher is better is turned round (1 − that). A criterion on
 * which all the schools are equal gives every school 0.</li>
 * <li>Z-score: (value − mean) / standard deviation (of these schools), negated where higher is
 * better; 0 when all are equal.</li>
 * </ul>
 * A school without a value for a criterion scores the average of the schools that have one
 * (neither helped nor harmed); a criterion no school has is left out. Score = Σ weight × normalised
 * / Σ weight. Ranked by score, highest need first (ties by URN).
 * <p>
 * Officers: every school that has an officer keeps it (the 2011 rule: no school that has an officer
 * loses it); the others go to the highest-ranked schools without one.
 */
public final class SchoolRanking {

	private SchoolRanking() {
	}

	public enum Direction {

		/** A higher value means more need (exclusions, crime, free school meals). */
		HIGHER_IS_WORSE,
		/** A higher value means less need (GCSE attainment). */
		HIGHER_IS_BETTER

	}

	public enum Normalisation {

		MIN_MAX, Z_SCORE

	}

	/** A criterion as weighted for one ranking; a weight of 0 leaves it out. */
	public record Criterion(String code, double weight, Direction direction) {

		public Criterion {
			if (!Double.isFinite(weight) || weight < 0) {
				throw new IllegalArgumentException("weight of " + code + " must be finite and not negative");
			}
		}

	}

	/** A school to rank: its values by criterion code (absent = missing) and whether it has an officer now. */
	public record School(String urn, Map<String, Double> values, boolean hasOfficer) {
	}

	/**
	 * A ranked school.
	 * @param normalised each criterion's normalised value (need) for this school, missing ones as scored
	 * @param officer whether it gets a Safer Schools officer
	 * @param kept whether it keeps one it had
	 */
	public record Ranked(String urn, int rank, double score, Map<String, Double> normalised, boolean officer,
			boolean kept) {
	}

	public static List<Ranked> rank(List<School> schools, List<Criterion> criteria, Normalisation normalisation,
			int officers) {
		if (officers < 0) {
			throw new IllegalArgumentException("officers must not be negative");
		}
		List<Criterion> used = criteria.stream().filter(c -> c.weight() > 0).toList();
		if (used.isEmpty()) {
			throw new DomainRuleViolation("no-weights", "Give at least one criterion a weight above 0.");
		}
		Map<String, Map<String, Double>> normalised = new HashMap<>();
		schools.forEach(s -> normalised.put(s.urn(), new LinkedHashMap<>()));
		double weightSum = 0;
		for (Criterion criterion : used) {
			List<Double> present = new ArrayList<>();
			for (School school : schools) {
				Double value = school.values().get(criterion.code());
				if (value != null) {
					present.add(value);
				}
			}
			if (present.isEmpty()) {
				continue;
			}
			weightSum += criterion.weight();
			double min = present.stream().mapToDouble(Double::doubleValue).min().orElse(0);
			double max = present.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double mean = present.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			double variance = present.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / present.size();
			double sd = Math.sqrt(variance);
			double sign = criterion.direction() == Direction.HIGHER_IS_WORSE ? 1 : -1;
			double sumNormalised = 0;
			Map<String, Double> forCriterion = new HashMap<>();
			for (School school : schools) {
				Double value = school.values().get(criterion.code());
				if (value == null) {
					continue;
				}
				double n;
				if (normalisation == Normalisation.MIN_MAX) {
					double scaled = max == min ? 0 : (value - min) / (max - min);
					n = max == min ? 0 : sign > 0 ? scaled : 1 - scaled;
				}
				else {
					n = sd == 0 ? 0 : sign * (value - mean) / sd;
				}
				forCriterion.put(school.urn(), n);
				sumNormalised += n;
			}
			double average = sumNormalised / forCriterion.size();
			for (School school : schools) {
				normalised.get(school.urn()).put(criterion.code(), forCriterion.getOrDefault(school.urn(), average));
			}
		}
		if (weightSum == 0) {
			throw new DomainRuleViolation("no-values", "None of the schools has a value for any weighted criterion.");
		}
		Map<String, Double> scores = new HashMap<>();
		for (School school : schools) {
			double score = 0;
			for (Criterion criterion : used) {
				Double n = normalised.get(school.urn()).get(criterion.code());
				if (n != null) {
					score += criterion.weight() * n;
				}
			}
			scores.put(school.urn(), score / weightSum);
		}
		List<School> order = new ArrayList<>(schools);
		order.sort(Comparator.comparingDouble((School s) -> -scores.get(s.urn())).thenComparing(School::urn));
		long having = schools.stream().filter(School::hasOfficer).count();
		if (having > officers) {
			throw new DomainRuleViolation("no-loss-infeasible", having + " schools have an officer now and none may lose "
					+ "it, but only " + officers + " officers are to be allocated.");
		}
		int left = officers - (int) having;
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			School school = order.get(i);
			boolean officer = school.hasOfficer();
			if (!officer && left > 0) {
				officer = true;
				left--;
			}
			ranked.add(new Ranked(school.urn(), i + 1, scores.get(school.urn()), Map.copyOf(normalised.get(school.urn())),
					officer, school.hasOfficer()));
		}
		return List.copyOf(ranked);
	}

	/** A member of a ward team who may be a school's point of contact. */
	public record Contact(long personId, String name, String roleTitle) {
	}

	/**
	 * Names a point of contact from its ward's team for every school without an officer, taking the
	 * schools of a ward in rank order and the team's members in turn (one school each before
	 * anyone has two). A school whose ward has no team gets none.
	 * @param schools URN to ward code, in rank order
	 * @param teams ward code to its members, in the order they take turns
	 */
	public static Map<String, Contact> contacts(LinkedHashMap<String, String> schools, Set<String> withOfficer,
			Map<String, List<Contact>> teams) {
		Map<String, Contact> contacts = new LinkedHashMap<>();
		Map<String, Integer> turn = new HashMap<>();
		schools.forEach((urn, ward) -> {
			if (withOfficer.contains(urn)) {
				return;
			}
			List<Contact> team = teams.getOrDefault(ward, List.of());
			if (team.isEmpty()) {
				return;
			}
			int next = turn.merge(ward, 1, Integer::sum) - 1;
			contacts.put(urn, team.get(next % team.size()));
		});
		return contacts;
	}

}
