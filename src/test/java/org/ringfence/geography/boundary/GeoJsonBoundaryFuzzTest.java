package org.ringfence.geography.boundary;

import java.util.HashSet;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the GeoJSON ward boundary reader (under {@code POST /api/v1/geography/boundaries}). Under
 * plain JUnit it replays {@code GeoJsonBoundaryFuzzTestInputs/boundaries}; with {@code JAZZER_FUZZ=1}
 * it fuzzes. Property: the only exception is {@link BoundaryFileException} (a 400 naming the fault);
 * otherwise every feature is either accepted, with a valid non-empty Polygon or MultiPolygon and a
 * GSS code seen once, or rejected with a reason.
 */
class GeoJsonBoundaryFuzzTest {

	@FuzzTest(maxDuration = "60s")
	void boundaries(FuzzedDataProvider data) {
		byte[] content = data.consumeRemainingAsBytes();
		GeoJsonBoundaryReader.Result result;
		try {
			result = GeoJsonBoundaryReader.read(content);
		}
		catch (BoundaryFileException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		assertThat(result.features()).isPositive();
		Set<String> codes = new HashSet<>();
		for (BoundaryFeature feature : result.accepted()) {
			assertThat(feature.code()).matches("[EWSN][0-9]{8}");
			assertThat(codes.add(feature.code())).as("code %s accepted once", feature.code()).isTrue();
			assertThat(feature.geometry().isEmpty()).isFalse();
			assertThat(feature.geometry().isValid()).isTrue();
			assertThat(feature.hectares()).isPositive().isFinite();
		}
		result.rejected().forEach(rejection -> assertThat(rejection.reason()).isNotBlank());
	}

}
