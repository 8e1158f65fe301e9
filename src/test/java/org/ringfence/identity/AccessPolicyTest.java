package org.ringfence.identity;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

	static final Place CAMDEN_WARD = Place.ward("E09000007", "E09000007-C01", "E05000137");

	@Test
	void forceScopeCoversEverything() {
		assertThat(AccessPolicy.covers(Set.of(Scope.force()), CAMDEN_WARD)).isTrue();
		assertThat(AccessPolicy.covers(Set.of(Scope.force()), Place.borough("E09000012"))).isTrue();
	}

	@Test
	void boroughScopeCoversItsWardsButNotAnotherBorough() {
		Set<Scope> camden = Set.of(new Scope(ScopeType.BOROUGH, "E09000007"));
		assertThat(AccessPolicy.covers(camden, CAMDEN_WARD)).isTrue();
		assertThat(AccessPolicy.covers(camden, Place.borough("E09000007"))).isTrue();
		assertThat(AccessPolicy.covers(camden, Place.ward("E09000012", "E09000012-C01", "E05000239"))).isFalse();
	}

	@Test
	void clusterScopeCoversItsWardsButNotTheWholeBorough() {
		Set<Scope> cluster = Set.of(new Scope(ScopeType.CLUSTER, "E09000007-C01"));
		assertThat(AccessPolicy.covers(cluster, CAMDEN_WARD)).isTrue();
		assertThat(AccessPolicy.covers(cluster, Place.cluster("E09000007", "E09000007-C01"))).isTrue();
		assertThat(AccessPolicy.covers(cluster, Place.borough("E09000007"))).isFalse();
		assertThat(AccessPolicy.covers(cluster, Place.ward("E09000007", "E09000007-C02", "E05000130"))).isFalse();
	}

	@Test
	void wardScopeCoversOnlyThoseWards() {
		Set<Scope> wards = Set.of(new Scope(ScopeType.WARD, "E05000137"), new Scope(ScopeType.WARD, "E05000138"));
		assertThat(AccessPolicy.covers(wards, CAMDEN_WARD)).isTrue();
		assertThat(AccessPolicy.covers(wards, Place.ward("E09000007", "E09000007-C01", "E05000139"))).isFalse();
		assertThat(AccessPolicy.covers(wards, Place.cluster("E09000007", "E09000007-C01"))).isFalse();
	}

	@Test
	void personScopeCoversOnlyThatPersonAndNoPlace() {
		Set<Scope> self = Set.of(new Scope(ScopeType.PERSON, "42"));
		assertThat(AccessPolicy.coversPerson(self, 42, Optional.of(CAMDEN_WARD))).isTrue();
		assertThat(AccessPolicy.coversPerson(self, 43, Optional.of(CAMDEN_WARD))).isFalse();
		assertThat(AccessPolicy.covers(self, CAMDEN_WARD)).isFalse();
	}

	@Test
	void aPersonIsCoveredByAScopeCoveringWhereTheyArePosted() {
		Set<Scope> camden = Set.of(new Scope(ScopeType.BOROUGH, "E09000007"));
		assertThat(AccessPolicy.coversPerson(camden, 7, Optional.of(CAMDEN_WARD))).isTrue();
		assertThat(AccessPolicy.coversPerson(camden, 7, Optional.empty())).isFalse();
	}

	@Test
	void accountsGetOnlyScopesThatFitTheirRole() {
		NewAccount.AccessRules.check(Role.SERGEANT, Set.of(new Scope(ScopeType.WARD, "E05000137")), Optional.empty());
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> NewAccount.AccessRules.check(Role.SERGEANT, Set.of(Scope.force()), Optional.empty()))
			.hasMessageContaining("takes scopes of type [WARD]");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> NewAccount.AccessRules.check(Role.OFFICER,
					Set.of(new Scope(ScopeType.PERSON, "5")), Optional.of(6L)))
			.hasMessageContaining("own person id");
	}

}
