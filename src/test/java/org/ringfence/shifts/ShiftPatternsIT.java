package org.ringfence.shifts;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pattern saved for a cluster reads back whole, shift by shift, and a bad one is refused. */
@IntegrationTest
class ShiftPatternsIT {

	@Autowired
	ShiftPatterns patterns;

	@Autowired
	GeographyService geography;

	@Test
	@WithMockUser(username = "smt.camden")
	void aSavedPatternReadsBackWhole() {
		ClusterSummary cluster = this.geography.clusters(java.util.Optional.of("E09000007")).get(0);
		List<PatternShift> shifts = List.of(
				new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { 2, 2, 2, 2, 2, 1, 1 }),
				new PatternShift(LocalTime.of(22, 0), 600, RosterRole.PCSO, new int[] { 0, 0, 0, 0, 1, 1, 0 }));
		ShiftPattern saved = this.patterns.save(new NewShiftPattern(cluster.id(), " Lates ", "test", shifts));
		ShiftPattern read = this.patterns.find(saved.id());
		assertThat(read.name()).isEqualTo("Lates");
		assertThat(read.clusterId()).isEqualTo(cluster.id());
		assertThat(read.shifts()).containsExactlyElementsOf(shifts);
		assertThat(read.createdBy()).isEqualTo("smt.camden");
		assertThat(this.patterns.forCluster(cluster.id())).extracting(ShiftPattern::id).contains(saved.id());
	}

	@Test
	@WithMockUser(username = "smt.camden")
	void aPatternWithoutShiftsOrForNoClusterIsRefused() {
		ClusterSummary cluster = this.geography.clusters(java.util.Optional.of("E09000007")).get(0);
		assertThatThrownBy(() -> this.patterns.save(new NewShiftPattern(cluster.id(), "Empty", "", List.of())))
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> this.patterns.save(new NewShiftPattern("NOPE", "x", "",
				List.of(new PatternShift(LocalTime.NOON, 60, RosterRole.SERGEANT, new int[7])))))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.patterns.find(-1)).isInstanceOf(NotFound.class);
	}

}
