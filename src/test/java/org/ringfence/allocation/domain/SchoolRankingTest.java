package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.allocation.domain.SchoolRanking.Contact;
import org.ringfence.allocation.domain.SchoolRanking.Criterion;
import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;
import org.ringfence.allocation.domain.SchoolRanking.Ranked;
import org.ringfence.allocation.domain.SchoolRanking.School;
import org.ringfence.platform.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class SchoolRankingTest {

	static final Criterion EXCLUSIONS = new Criterion("permanent_exclusions", 1, Direction.HIGHER_IS_WORSE);

	static final Criterion GCSE = new Criterion("gcse_ac", 1, Direction.HIGHER_IS_BETTER);

	static List<School> three() {
		return List.of(new School("100001", Map.of("permanent_exclusions", 1.0, "gcse_ac", 80.0), false),
				new School("100002", Map.of("permanent_exclusions", 2.0, "gcse_ac", 50.0), false),
				new School("100003", Map.of("permanent_exclusions", 3.0, "gcse_ac", 20.0), false));
	}

	static List<String> order(List<Ranked> ranked) {
		return ranked.stream().map(Ranked::urn).toList();
	}

	@Test
	void minMaxPutsEachCriterionOnZeroToOneTurningRoundWhereHigherIsBetter() {
		List<Ranked> ranked = SchoolRanking.rank(three(), List.of(EXCLUSIONS, GCSE), Normalisation.MIN_MAX, 0);
		assertThat(order(ranked)).containsExactly("100003", "100002", "100001");
		assertThat(ranked.get(0).normalised()).containsEntry("permanent_exclusions", 1.0).containsEntry("gcse_ac", 1.0);
		assertThat(ranked.get(1).score()).isCloseTo(0.5, offset(1e-12));
		assertThat(ranked.get(2).score()).isZero();
		assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
	}

	@Test
	void weightsAndDirectionDecideTheOrder() {
		// attainment read the other way round (a partnership's choice) and weighted 3 to 1
		List<Ranked> ranked = SchoolRanking.rank(three(),
				List.of(EXCLUSIONS, new Criterion("gcse_ac", 3, Direction.HIGHER_IS_WORSE)), Normalisation.MIN_MAX, 0);
		assertThat(order(ranked)).containsExactly("100001", "100002", "100003");
		assertThat(ranked.get(0).score()).isCloseTo(0.75, offset(1e-12));
		List<Ranked> exclusionsOnly = SchoolRanking.rank(three(),
				List.of(EXCLUSIONS, new Criterion("gcse_ac", 0, Direction.HIGHER_IS_WORSE)), Normalisation.MIN_MAX, 0);
		assertThat(order(exclusionsOnly)).containsExactly("100003", "100002", "100001");
		assertThat(exclusionsOnly.get(0).normalised()).doesNotContainKey("gcse_ac");
	}

	@Test
	void zScoresUseTheMeanAndStandardDeviationOfTheSchoolsRanked() {
		List<Ranked> ranked = SchoolRanking.rank(three(), List.of(EXCLUSIONS), Normalisation.Z_SCORE, 0);
		double sd = Math.sqrt(2.0 / 3);
		assertThat(ranked.get(0).normalised().get("permanent_exclusions")).isCloseTo(1 / sd, offset(1e-12));
		assertThat(ranked.get(1).normalised().get("permanent_exclusions")).isCloseTo(0, offset(1e-12));
		assertThat(ranked.get(2).score()).isCloseTo(-1 / sd, offset(1e-12));
	}

	@Test
	void aMissingValueScoresTheAverageOfTheSchoolsThatHaveOne() {
		List<School> schools = new ArrayList<>(three());
		schools.add(new School("100004", Map.of("gcse_ac", 20.0), false));
		List<Ranked> ranked = SchoolRanking.rank(schools, List.of(EXCLUSIONS), Normalisation.MIN_MAX, 0);
		Ranked missing = ranked.stream().filter(r -> r.urn().equals("100004")).findFirst().orElseThrow();
		assertThat(missing.normalised().get("permanent_exclusions")).isCloseTo(0.5, offset(1e-12));
		assertThat(missing.score()).isCloseTo(0.5, offset(1e-12));
	}

	@Test
	void aCriterionOnWhichAllAreEqualGivesEveryoneZero() {
		List<School> schools = List.of(new School("1", Map.of("x", 4.0), false), new School("2", Map.of("x", 4.0), false));
		List<Ranked> ranked = SchoolRanking.rank(schools, List.of(new Criterion("x", 1, Direction.HIGHER_IS_WORSE)),
				Normalisation.MIN_MAX, 1);
		assertThat(ranked).allSatisfy(r -> assertThat(r.score()).isZero());
		assertThat(order(ranked)).containsExactly("1", "2");
	}

	@Test
	void noSchoolThatHasAnOfficerLosesItAndTheRestGoToTheHighestNeed() {
		List<School> schools = List.of(new School("100001", Map.of("permanent_exclusions", 1.0), true),
				new School("100002", Map.of("permanent_exclusions", 2.0), false),
				new School("100003", Map.of("permanent_exclusions", 3.0), false));
		List<Ranked> ranked = SchoolRanking.rank(schools, List.of(EXCLUSIONS), Normalisation.MIN_MAX, 2);
		assertThat(ranked.stream().filter(Ranked::officer).map(Ranked::urn)).containsExactlyInAnyOrder("100001", "100003");
		assertThat(ranked.stream().filter(Ranked::kept).map(Ranked::urn)).containsExactly("100001");
		assertThatThrownBy(() -> SchoolRanking.rank(schools, List.of(EXCLUSIONS), Normalisation.MIN_MAX, 0))
			.isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("1 schools have an officer now");
	}

	@Test
	void onRandomSchoolsOfficersAreNeverLostAndGoToTheHighestNeedOtherwise() {
		Random random = new Random(2034);
		for (int c = 0; c < 300; c++) {
			List<School> schools = new ArrayList<>();
			int n = 1 + random.nextInt(30);
			for (int i = 0; i < n; i++) {
				Map<String, Double> values = new java.util.HashMap<>();
				if (random.nextInt(5) > 0) {
					values.put("a", random.nextDouble() * 100);
				}
				values.put("b", (double) random.nextInt(10));
				schools.add(new School(String.format("%06d", i), values, random.nextInt(6) == 0));
			}
			long having = schools.stream().filter(School::hasOfficer).count();
			int officers = (int) having + random.nextInt(n + 1);
			List<Ranked> ranked = SchoolRanking.rank(schools,
					List.of(new Criterion("a", random.nextDouble(), Direction.HIGHER_IS_WORSE),
							new Criterion("b", 0.1 + random.nextDouble(), Direction.HIGHER_IS_BETTER)),
					random.nextBoolean() ? Normalisation.MIN_MAX : Normalisation.Z_SCORE, officers);
			assertThat(ranked.stream().filter(Ranked::officer).count()).as("case " + c).isEqualTo(Math.min(officers, n));
			assertThat(ranked).filteredOn(Ranked::kept).allMatch(Ranked::officer);
			for (int i = 1; i < ranked.size(); i++) {
				assertThat(ranked.get(i).score()).isLessThanOrEqualTo(ranked.get(i - 1).score());
			}
			// a school without an officer never ranks above a newly given one
			int lastNew = -1;
			int firstWithout = Integer.MAX_VALUE;
			for (Ranked r : ranked) {
				if (r.officer() && !r.kept()) {
					lastNew = Math.max(lastNew, r.rank());
				}
				if (!r.officer()) {
					firstWithout = Math.min(firstWithout, r.rank());
				}
			}
			assertThat(lastNew).as("case " + c).isLessThan(firstWithout);
		}
	}

	@Test
	void everySchoolWithoutAnOfficerGetsAContactFromItsWardTeamInTurn() {
		LinkedHashMap<String, String> schools = new LinkedHashMap<>();
		schools.put("1", "W1");
		schools.put("2", "W1");
		schools.put("3", "W1");
		schools.put("4", "W1");
		schools.put("5", "W2");
		schools.put("6", "W3");
		Contact a = new Contact(10, "A", "DWO");
		Contact b = new Contact(11, "B", "PCSO");
		Map<String, Contact> contacts = SchoolRanking.contacts(schools, Set.of("2"),
				Map.of("W1", List.of(a, b, new Contact(12, "C", "PC")), "W2", List.of(b)));
		assertThat(contacts).containsEntry("1", a).containsEntry("3", b).containsEntry("5", b).doesNotContainKey("2")
			.doesNotContainKey("6");
		assertThat(contacts.get("4").name()).isEqualTo("C");
	}

}
