package org.ringfence.demand.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.demand.domain.WardPlacement.LsoaWard;
import org.ringfence.demand.domain.WardPlacement.Method;

import static org.assertj.core.api.Assertions.assertThat;

class WardPlacementTest {

	static final WardPlacement PLACEMENT = new WardPlacement(
			Map.of("E01000027", new LsoaWard("E05000027", "E09000002"), "E01000001", new LsoaWard("E05009288", "E09000001"),
					"E01000900", new LsoaWard("E05999999", "E09000007")),
			Map.of("E01035000", new LsoaWard("E05000137", "E09000007")), Set.of("E05000027", "E05000137"),
			(lat, lng) -> lat > 51.5 && lat < 51.6 && lng > -0.2 && lng < 0 ? Optional.of("E05000137") : Optional.empty());

	@Test
	void anLsoaOfEitherLookupPlacesTheRecordInItsWard() {
		assertThat(PLACEMENT.byLsoa("E01000027", Double.NaN, Double.NaN)).isEqualTo(new WardPlacement.Placement("E05000027",
				Method.LSOA11, null));
		assertThat(PLACEMENT.byLsoa("E01035000", Double.NaN, Double.NaN).method()).isEqualTo(Method.LSOA21);
	}

	@Test
	void theCityOfLondonIsAnotherForce() {
		assertThat(PLACEMENT.byLsoa("E01000001", 51.55, -0.1).unmatched()).isEqualTo(UnmatchedReason.CITY_OF_LONDON);
	}

	@Test
	void withoutAKnownLsoaTheCoordinatesDecide() {
		assertThat(PLACEMENT.byLsoa("", 51.55, -0.1).method()).isEqualTo(Method.COORDINATES);
		assertThat(PLACEMENT.byLsoa("W01000001", 51.55, -0.1).wardCode()).isEqualTo("E05000137");
		assertThat(PLACEMENT.byLsoa("W01000001", 52.0, -0.1).unmatched()).isEqualTo(UnmatchedReason.LSOA_OUTSIDE_LONDON);
		assertThat(PLACEMENT.byLsoa("W01000001", Double.NaN, Double.NaN).unmatched())
			.isEqualTo(UnmatchedReason.LSOA_OUTSIDE_LONDON);
		assertThat(PLACEMENT.byLsoa("", 52.0, -0.1).unmatched()).isEqualTo(UnmatchedReason.POINT_OUTSIDE_MET);
		assertThat(PLACEMENT.byLsoa("", Double.NaN, Double.NaN).unmatched()).isEqualTo(UnmatchedReason.NO_LOCATION);
	}

	@Test
	void anLsoaWhoseWardIsNotAMetWardIsUnknownUnlessItsPointIsInOne() {
		assertThat(PLACEMENT.byLsoa("E01000900", Double.NaN, Double.NaN).unmatched()).isEqualTo(UnmatchedReason.UNKNOWN_WARD);
		assertThat(PLACEMENT.byLsoa("E01000900", 51.55, -0.1).wardCode()).isEqualTo("E05000137");
	}

	@Test
	void aCallIsPlacedByItsWardCodeElseItsCoordinates() {
		assertThat(PLACEMENT.byWardCode("E05000027", 51.55, -0.1).wardCode()).isEqualTo("E05000027");
		assertThat(PLACEMENT.byWardCode("E05000027", 51.55, -0.1).method()).isEqualTo(Method.WARD_CODE);
		assertThat(PLACEMENT.byWardCode("E05000001", 51.55, -0.1).method()).isEqualTo(Method.COORDINATES);
		assertThat(PLACEMENT.byWardCode("E05000001", Double.NaN, Double.NaN).unmatched())
			.isEqualTo(UnmatchedReason.UNKNOWN_WARD);
		assertThat(PLACEMENT.byWardCode("", Double.NaN, Double.NaN).unmatched()).isEqualTo(UnmatchedReason.NO_LOCATION);
	}

}
