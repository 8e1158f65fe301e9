package org.ringfence.allocation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringfence.allocation.domain.Apportionment.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each method against published reference results. */
class ApportionmentTest {

	record State(String name, long population, int seats) {
	}

	static List<State> usHouse2020() throws IOException {
		try (InputStream in = ApportionmentTest.class.getResourceAsStream("/allocation/us-house-2020.csv")) {
			List<State> states = new ArrayList<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (String line : lines) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("state,")) {
					continue;
				}
				String[] fields = line.strip().split(",");
				states.add(new State(fields[0], Long.parseLong(fields[1]), Integer.parseInt(fields[2])));
			}
			return states;
		}
	}

	@Test
	void theReferenceFileHoldsFiftyStates435SeatsAndTheOfficialPopulationTotal() throws IOException {
		List<State> states = usHouse2020();
		assertThat(states).hasSize(50);
		assertThat(states.stream().mapToInt(State::seats).sum()).isEqualTo(435);
		assertThat(states.stream().mapToLong(State::population).sum()).isEqualTo(331_108_434L);
	}

	@Test
	void huntingtonHillReproducesThe2020UsHouseApportionment() throws IOException {
		List<State> states = usHouse2020();
		double[] populations = states.stream().mapToDouble(State::population).toArray();
		Apportioned result = Method.HUNTINGTON_HILL.implementation()
			.apportion(ApportionmentProblem.withBounds(populations, 435, 1, ApportionmentProblem.NO_CAP));
		for (int i = 0; i < states.size(); i++) {
			assertThat(result.seats(i)).as(states.get(i).name()).isEqualTo(states.get(i).seats());
		}
		assertThat(result.total()).isEqualTo(435);
	}

	@Test
	void theLastSeatWentToMinnesotaAndNewYorkWas89PeopleShort() throws IOException {
		List<State> states = usHouse2020();
		double[] populations = states.stream().mapToDouble(State::population).toArray();
		Apportioned result = Method.HUNTINGTON_HILL.implementation()
			.apportion(ApportionmentProblem.withBounds(populations, 435, 1, ApportionmentProblem.NO_CAP));
		State minnesota = states.stream().filter(s -> s.name().equals("Minnesota")).findFirst().orElseThrow();
		State newYork = states.stream().filter(s -> s.name().equals("New York")).findFirst().orElseThrow();
		// seat 435: Minnesota's 8th, priority P/√(7·8); seat 436 would be New York's 27th, P/√(26·27)
		double seat435 = minnesota.population() / Math.sqrt(7 * 8);
		double seat436 = newYork.population() / Math.sqrt(26 * 27);
		assertThat(result.lastPriority().getAsDouble()).isCloseTo(seat435, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(result.nextPriority().getAsDouble()).isCloseTo(seat436, org.assertj.core.data.Offset.offset(1e-6));
		// the Census Bureau: New York would have needed 89 more residents to take the 435th seat
		long needed = (long) Math.floor(seat435 * Math.sqrt(26 * 27)) + 1 - newYork.population();
		assertThat(needed).isEqualTo(89);
		long[] more = states.stream().mapToLong(State::population).toArray();
		double[] plus89 = Arrays.stream(more).asDoubleStream().toArray();
		plus89[states.indexOf(newYork)] += 89;
		Apportioned moved = Method.HUNTINGTON_HILL.implementation()
			.apportion(ApportionmentProblem.withBounds(plus89, 435, 1, ApportionmentProblem.NO_CAP));
		assertThat(moved.seats(states.indexOf(newYork))).isEqualTo(27);
		assertThat(moved.seats(states.indexOf(minnesota))).isEqualTo(7);
	}

	@Test
	void dHondtGivesTheTextbookExample() {
		// Wikipedia, "D'Hondt method": 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats
		Apportioned result = Method.DHONDT.implementation()
			.apportion(ApportionmentProblem.of(new double[] { 100_000, 80_000, 30_000, 20_000 }, 8));
		assertThat(result.seats()).containsExactly(4, 3, 1, 0);
		// the 8th seat's quotient is 25,000 (A's 4th)
		assertThat(result.lastPriority().getAsDouble()).isEqualTo(25_000);
	}

	@Test
	void sainteLagueGivesTheTextbookExample() {
		Apportioned result = Method.SAINTE_LAGUE.implementation()
			.apportion(ApportionmentProblem.of(new double[] { 100_000, 80_000, 30_000, 20_000 }, 8));
		assertThat(result.seats()).containsExactly(3, 3, 1, 1);
	}

	@Test
	void largestRemainderGivesTheTextbookExample() {
		// Wikipedia, "Largest remainders method" (Hare quota): 100,000 votes, 10 seats
		Apportioned result = Method.HAMILTON.implementation()
			.apportion(ApportionmentProblem.of(new double[] { 47_000, 16_000, 15_800, 12_000, 6_100, 3_100 }, 10));
		assertThat(result.seats()).containsExactly(5, 2, 1, 1, 1, 0);
		assertThat(result.quotas()).containsExactly(4.7, 1.6, 1.58, 1.2, 0.61, 0.31);
	}

	@Test
	void largestRemainderShowsTheAlabamaParadoxWhereDivisorMethodsDoNot() {
		double[] weights = { 6, 6, 2 };
		assertThat(Method.HAMILTON.implementation().apportion(ApportionmentProblem.of(weights, 10)).seats())
			.containsExactly(4, 4, 2);
		assertThat(Method.HAMILTON.implementation().apportion(ApportionmentProblem.of(weights, 11)).seats())
			.containsExactly(5, 5, 1);
		for (Method method : List.of(Method.DHONDT, Method.SAINTE_LAGUE, Method.HUNTINGTON_HILL)) {
			int[] ten = method.implementation().apportion(ApportionmentProblem.of(weights, 10)).seats();
			int[] eleven = method.implementation().apportion(ApportionmentProblem.of(weights, 11)).seats();
			for (int i = 0; i < 3; i++) {
				assertThat(eleven[i]).as(method + " claimant " + i).isGreaterThanOrEqualTo(ten[i]);
			}
		}
	}

	@Test
	void websterAndHuntingtonHillDifferForASmallClaimantAsTheTextbooksSay() {
		// B's 10th seat: 10,000/√90 = 1,054 (HH), 10,000/9.5 = 1,053 (Webster); A's 2nd: 1,530/√2 = 1,082
		// (HH) beats it, 1,530/1.5 = 1,020 (Webster) does not
		double[] weights = { 1_530, 10_000 };
		assertThat(Method.HUNTINGTON_HILL.implementation().apportion(ApportionmentProblem.of(weights, 11)).seats())
			.containsExactly(2, 9);
		assertThat(Method.SAINTE_LAGUE.implementation().apportion(ApportionmentProblem.of(weights, 11)).seats())
			.containsExactly(1, 10);
	}

	@Test
	void minimumsAndCapsHoldAndTheRestFollowsWeight() {
		int[] minimums = { 2, 2, 2, 2 };
		int[] caps = { 5, 8, 8, 8 };
		ApportionmentProblem problem = new ApportionmentProblem(new double[] { 900, 50, 30, 20 }, 14, minimums, caps);
		// A is held at its cap of 5 and D at its minimum of 2; B and C share the other 7 as 50:30
		for (Method method : List.of(Method.HAMILTON, Method.SAINTE_LAGUE, Method.HUNTINGTON_HILL)) {
			Apportioned result = method.implementation().apportion(problem);
			assertThat(result.seats()).as(method.name()).containsExactly(5, 4, 3, 2);
			assertThat(result.boundedQuotas()).containsExactly(5.0, 4.375, 2.625, 2.0);
		}
		// D'Hondt favours the larger: B takes the seat C would get elsewhere, the tie at 10 going to the larger
		assertThat(Method.DHONDT.implementation().apportion(problem).seats()).containsExactly(5, 5, 2, 2);
	}

	@Test
	void infeasibleConstraintsAreRefusedNamingTheConstraint() {
		Apportionment hamilton = Method.HAMILTON.implementation();
		assertThatThrownBy(() -> hamilton.apportion(ApportionmentProblem.withBounds(new double[] { 1, 1, 1 }, 5, 2, 4)))
			.isInstanceOf(ApportionmentInfeasible.class)
			.hasMessageContaining("minimums add up to 6");
		assertThatThrownBy(() -> hamilton.apportion(ApportionmentProblem.withBounds(new double[] { 1, 1, 1 }, 10, 0, 3)))
			.isInstanceOf(ApportionmentInfeasible.class)
			.hasMessageContaining("caps allow at most 9");
		assertThatThrownBy(() -> hamilton.apportion(new ApportionmentProblem(new double[] { 1, 1 }, 4, new int[] { 3, 0 },
				new int[] { 2, 9 })))
			.isInstanceOf(ApportionmentInfeasible.class)
			.satisfies(ex -> assertThat(((ApportionmentInfeasible) ex).code()).isEqualTo("cap-below-minimum"));
		assertThatThrownBy(() -> Method.DHONDT.implementation().apportion(ApportionmentProblem.of(new double[] { 0, 0 }, 3)))
			.isInstanceOf(ApportionmentInfeasible.class)
			.satisfies(ex -> assertThat(((ApportionmentInfeasible) ex).code()).isEqualTo("no-weight"));
	}

}
