package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageGapsTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static CoverageGaps.Tour tour(LocalDate day, int fromHour, int toHour) {
		return new CoverageGaps.Tour(day.atTime(fromHour, 0).atZone(LONDON).toInstant(),
				(toHour == 24 ? day.plusDays(1).atStartOfDay() : day.atTime(toHour, 0)).atZone(LONDON).toInstant());
	}

	@Test
	void earlyAndLateToursCoverTheWindow() {
		LocalDate day = LocalDate.of(2034, 3, 6);
		assertThat(CoverageGaps.find(List.of(tour(day, 7, 15), tour(day, 15, 23)), day, day, 7, 23, LONDON)).isEmpty();
	}

	@Test
	void aMissingLateTourIsOneGapOfEightHours() {
		LocalDate day = LocalDate.of(2034, 3, 6);
		assertThat(CoverageGaps.find(List.of(tour(day, 7, 15)), day, day, 7, 23, LONDON))
			.containsExactly(new CoverageGaps.Gap(day, LocalTime.of(15, 0), LocalTime.of(23, 0)));
	}

	@Test
	void anHourPartlyCoveredIsAGapAndOverlapsJoin() {
		LocalDate day = LocalDate.of(2034, 3, 6);
		CoverageGaps.Tour halfPast = new CoverageGaps.Tour(day.atTime(7, 30).atZone(LONDON).toInstant(),
				day.atTime(12, 0).atZone(LONDON).toInstant());
		assertThat(CoverageGaps.find(List.of(halfPast, tour(day, 11, 20), tour(day, 19, 24)), day, day, 7, 23, LONDON))
			.containsExactly(new CoverageGaps.Gap(day, LocalTime.of(7, 0), LocalTime.of(8, 0)));
	}

	@Test
	void aNightTourFromTheDayBeforeCoversTheMorning() {
		LocalDate day = LocalDate.of(2034, 3, 7);
		assertThat(CoverageGaps.find(List.of(new CoverageGaps.Tour(day.minusDays(1).atTime(22, 0).atZone(LONDON).toInstant(),
				day.atTime(9, 0).atZone(LONDON).toInstant()), tour(day, 9, 23)), day, day, 7, 23, LONDON)).isEmpty();
	}

	@Test
	void everyDayWithoutToursIsOneWholeGap() {
		LocalDate day = LocalDate.of(2034, 3, 6);
		assertThat(CoverageGaps.find(List.of(), day, day.plusDays(1), 7, 23, LONDON)).hasSize(2)
			.allMatch(g -> g.from().equals(LocalTime.of(7, 0)) && g.to().equals(LocalTime.of(23, 0)));
	}

}
