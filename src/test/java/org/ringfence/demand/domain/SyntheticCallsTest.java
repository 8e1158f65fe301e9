package org.ringfence.demand.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCallsTest {

	/** A flat shape: every hour alike, so any evening or weekend peak comes from the ASB tilt. */
	static final double[] FLAT = flat();

	static double[] flat() {
		double[] shape = new double[168];
		Arrays.fill(shape, 1.0);
		return shape;
	}

	static List<SyntheticCalls.Call> calls(double[] shape, long seed, List<SyntheticCalls.WardMonth> months) {
		List<SyntheticCalls.Call> calls = new ArrayList<>();
		new SyntheticCalls(shape, seed).calls(months).forEachRemaining(calls::add);
		return calls;
	}

	@Test
	void theSameSeedGivesTheSameCalls() {
		List<SyntheticCalls.WardMonth> months = List.of(new SyntheticCalls.WardMonth("E05000137", YearMonth.of(2021, 4), 300));
		assertThat(calls(FLAT, 7, months)).isEqualTo(calls(FLAT, 7, months));
		assertThat(calls(FLAT, 8, months)).isNotEqualTo(calls(FLAT, 7, months));
	}

	@Test
	void volumeFollowsTheExpectedCountsAndCallsFallInTheirMonth() {
		List<SyntheticCalls.WardMonth> months = List.of(new SyntheticCalls.WardMonth("A", YearMonth.of(2021, 3), 2000),
				new SyntheticCalls.WardMonth("B", YearMonth.of(2021, 3), 200));
		List<SyntheticCalls.Call> calls = calls(FLAT, 1, months);
		long a = calls.stream().filter(c -> c.wardCode().equals("A")).count();
		long b = calls.stream().filter(c -> c.wardCode().equals("B")).count();
		assertThat(a).isBetween(1850L, 2150L);
		assertThat(b).isBetween(150L, 250L);
		for (SyntheticCalls.Call call : calls) {
			ZonedDateTime local = Instant.ofEpochSecond(call.epochSecond()).atZone(LondonTime.LONDON);
			assertThat(local.toLocalDate().withDayOfMonth(1)).isEqualTo(LocalDate.of(2021, 3, 1));
			assertThat(call.month()).isEqualTo(LocalDate.of(2021, 3, 1));
			assertThat(call.hourOfWeek()).isEqualTo((local.getDayOfWeek().getValue() - 1) * 24 + local.getHour());
			assertThat(call.reference()).startsWith("SYN").hasSize(12);
		}
		assertThat(calls.stream().map(SyntheticCalls.Call::reference).distinct().count()).isEqualTo(calls.size());
	}

	@Test
	void asbCallsPeakInEveningsAndAtWeekends() {
		List<SyntheticCalls.Call> calls = calls(FLAT, 3,
				List.of(new SyntheticCalls.WardMonth("A", YearMonth.of(2021, 6), 40_000)));
		double asbEvening = share(calls, true, c -> c.hourOfWeek() % 24 >= 18);
		double otherEvening = share(calls, false, c -> c.hourOfWeek() % 24 >= 18);
		double asbWeekend = share(calls, true, c -> c.hourOfWeek() >= 5 * 24);
		double otherWeekend = share(calls, false, c -> c.hourOfWeek() >= 5 * 24);
		assertThat(asbEvening).isGreaterThan(otherEvening * 1.5);
		assertThat(asbWeekend).isGreaterThan(otherWeekend * 1.1);
		double asbShare = calls.stream().filter(SyntheticCalls.Call::asb).count() / (double) calls.size();
		assertThat(asbShare).isBetween(0.18, 0.22);
		assertThat(calls).filteredOn(SyntheticCalls.Call::asb).allMatch(c -> Categories.isAsb(c.category()));
		assertThat(calls).filteredOn(c -> !c.asb()).noneMatch(c -> Categories.isAsb(c.category()));
	}

	@Test
	void theShapeDecidesTheHours() {
		double[] nightsOnly = new double[168];
		for (int how = 0; how < 168; how++) {
			nightsOnly[how] = how % 24 < 6 ? 1 : 0;
		}
		List<SyntheticCalls.Call> calls = calls(nightsOnly, 5,
				List.of(new SyntheticCalls.WardMonth("A", YearMonth.of(2021, 1), 1000)));
		assertThat(calls).isNotEmpty().allMatch(c -> c.hourOfWeek() % 24 < 6);
	}

	static double share(List<SyntheticCalls.Call> calls, boolean asb, java.util.function.Predicate<SyntheticCalls.Call> when) {
		List<SyntheticCalls.Call> of = calls.stream().filter(c -> c.asb() == asb).toList();
		return of.stream().filter(when).count() / (double) of.size();
	}

}
