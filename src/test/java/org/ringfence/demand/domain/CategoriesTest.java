package org.ringfence.demand.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriesTest {

	@Test
	void asbIsNamedAsAWordOrAsAntiSocialBehaviour() {
		assertThat(Categories.isAsb("Anti-social behaviour")).isTrue();
		assertThat(Categories.isAsb("ANTI SOCIAL BEHAVIOUR")).isTrue();
		assertThat(Categories.isAsb("Antisocial behaviour")).isTrue();
		assertThat(Categories.isAsb("ASB - nuisance")).isTrue();
		assertThat(Categories.isAsb("asb")).isTrue();
		assertThat(Categories.isAsb("Wasbasin flood")).isFalse();
		assertThat(Categories.isAsb("Burglary")).isFalse();
		assertThat(Categories.isAsb("Social services referral")).isFalse();
	}

}
