package org.ringfence.demand;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.Period;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base-package hour-of-week demand other modules read equals the demand profile of the same
 * cluster and period (demo calls of the last twelve months), with the default period the profiles use.
 */
@IntegrationTest
class HourOfWeekDemandIT {

	@Autowired
	HourOfWeekDemand demand;

	@Autowired
	DemandProfiles profiles;

	@Autowired
	GeographyService geography;

	@Test
	void aClustersHourOfWeekEqualsItsProfile() {
		ClusterSummary cluster = this.geography.clusters(Optional.of("E09000007"))
			.stream()
			.min(Comparator.comparing(ClusterSummary::id))
			.orElseThrow();
		DemandProfiles.Place place = this.profiles.place(Optional.empty(), Optional.of(cluster.id()), Optional.empty());
		Period period = this.profiles.period(Optional.empty(), Optional.empty());
		DemandProfile profile = this.profiles.profile(place, period, DemandKind.ALL);

		HourOfWeek byDefault = this.demand.hourOfWeek(cluster.wardCodes());
		assertThat(byDefault.defaulted()).isTrue();
		assertThat(byDefault.from()).isEqualTo(period.from());
		assertThat(byDefault.to()).isEqualTo(period.to());
		assertThat(YearMonth.from(byDefault.from()).plusMonths(11)).isEqualTo(YearMonth.from(byDefault.to()));
		assertThat(byDefault.values()).containsExactly(profile.hourOfWeek());
		assertThat(byDefault.total()).as("the demo's calls of the last twelve months are timed").isPositive();
		assertThat(byDefault.perWeek()[0] * byDefault.weeks()).isCloseTo(byDefault.values()[0],
				org.assertj.core.data.Offset.offset(1e-6));

		LocalDate from = period.to().minusMonths(3).plusDays(1);
		HourOfWeek given = this.demand.hourOfWeek(cluster.wardCodes(), from, period.to());
		assertThat(given.defaulted()).isFalse();
		assertThat(given.values()).containsExactly(
				this.profiles.profile(place, new Period(from, period.to()), DemandKind.ALL).hourOfWeek());
		assertThat(given.total()).isLessThan(byDefault.total());
	}

}
