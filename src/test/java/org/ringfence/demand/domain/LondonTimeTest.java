package org.ringfence.demand.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LondonTimeTest {

	@Test
	void mondayMidnightIsHourZeroAndSundayElevenPmIs167() {
		assertThat(LondonTime.parse("2021-01-04 00:30").hourOfWeek()).isZero();
		assertThat(LondonTime.parse("2021-01-10 23:59:59").hourOfWeek()).isEqualTo(167);
	}

	@Test
	void localTimesAreLondonTimeAndOffsetsAreHonoured() {
		assertThat(LondonTime.parse("2021-07-01 12:00").instant()).isEqualTo(Instant.parse("2021-07-01T11:00:00Z"));
		assertThat(LondonTime.parse("2021-07-01T12:00:00Z").instant()).isEqualTo(Instant.parse("2021-07-01T12:00:00Z"));
		assertThat(LondonTime.parse("2021-07-01T12:00:00.123+02:00").instant())
			.isEqualTo(Instant.parse("2021-07-01T10:00:00Z"));
		assertThat(LondonTime.parse("01/07/2021 12:00").instant()).isEqualTo(Instant.parse("2021-07-01T11:00:00Z"));
	}

	@Test
	void theMonthAndHourAreLondonsNotUtcs() {
		// 23:30 UTC on 31 March 2021 is 00:30 on 1 April in British Summer Time (a Thursday)
		LondonTime.Received received = LondonTime.parse("2021-03-31T23:30:00Z");
		assertThat(received.month()).isEqualTo(LocalDate.of(2021, 4, 1));
		assertThat(received.hourOfWeek()).isEqualTo(3 * 24);
	}

	@Test
	void anHourTheClocksSkipIsTheSameMomentAnHourLaterAndARepeatedHourIsTheFirst() {
		assertThat(LondonTime.parse("2021-03-28 01:30").instant()).isEqualTo(Instant.parse("2021-03-28T01:30:00Z"));
		assertThat(LondonTime.parse("2021-10-31 01:30").instant()).isEqualTo(Instant.parse("2021-10-31T00:30:00Z"));
	}

	@Test
	void textThatIsNotATimeIsNull() {
		assertThat(LondonTime.parse("2021-04-05")).isNull();
		assertThat(LondonTime.parse("2021-13-05 10:00")).isNull();
		assertThat(LondonTime.parse("2021-02-29 10:00")).isNull();
		assertThat(LondonTime.parse("1999-12-31 10:00")).isNull();
		assertThat(LondonTime.parse("2021-04-05 25:00")).isNull();
		assertThat(LondonTime.parse("2021-04-05 10:00 BST")).isNull();
	}

	@Test
	void postgresEpochIsTheYear2000() {
		assertThat(LondonTime.parse("2000-01-01T00:00:01Z").postgresMicros()).isEqualTo(1_000_000L);
		assertThat(LondonTime.postgresDays(LocalDate.of(2000, 1, 2))).isEqualTo(1);
	}

}
