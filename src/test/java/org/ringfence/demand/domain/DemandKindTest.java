package org.ringfence.demand.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemandKindTest {

	@Test
	void recordedCrimeIsTheMetsCountsWhereHeldElseDataPoliceUk() {
		assertThat(DemandKind.TNO.counts("mps", false, true, false)).isTrue();
		assertThat(DemandKind.TNO.counts("police-uk", false, false, false)).isTrue();
		assertThat(DemandKind.TNO.counts("police-uk", false, true, false)).isFalse();
		assertThat(DemandKind.TNO.counts("police-uk", true, false, false)).isFalse();
		assertThat(DemandKind.TNO.counts("cad", false, false, true)).isFalse();
	}

	@Test
	void asbIsAsbCallsWhereTheMonthHasCallsElseDataPoliceUkIncidents() {
		assertThat(DemandKind.ASB.counts("police-uk", true, false, false)).isTrue();
		assertThat(DemandKind.ASB.counts("police-uk", true, false, true)).isFalse();
		assertThat(DemandKind.ASB.counts("cad-synthetic", true, false, true)).isTrue();
		assertThat(DemandKind.ASB.counts("cad", false, false, true)).isFalse();
		assertThat(DemandKind.ASB.countsCall(true)).isTrue();
		assertThat(DemandKind.ASB.countsCall(false)).isFalse();
	}

	@Test
	void callsAreEveryCadCallAndAllIsEveryRecordOnce() {
		assertThat(DemandKind.CALLS.counts("cad", true, false, true)).isTrue();
		assertThat(DemandKind.CALLS.counts("police-uk", true, false, false)).isFalse();
		assertThat(DemandKind.ALL.counts("mps", false, true, true)).isTrue();
		assertThat(DemandKind.ALL.counts("police-uk", false, true, true)).isFalse();
		assertThat(DemandKind.ALL.counts("police-uk", true, false, true)).isFalse();
		assertThat(DemandKind.ALL.counts("police-uk", true, false, false)).isTrue();
		assertThat(DemandKind.TNO.countsCall(true)).isFalse();
		assertThat(DemandKind.of("Calls")).isEqualTo(DemandKind.CALLS);
		assertThat(DemandKind.of("crime")).isNull();
	}

}
