package org.ringfence.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.AccountService;
import org.ringfence.identity.NewAccount;
import org.ringfence.identity.Role;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeType;
import org.ringfence.platform.RingfenceProperties;
import org.ringfence.platform.StartupData;
import org.ringfence.workforce.WorkforceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the synthetic workforce and the demo accounts once, in one transaction, under a database
 * lock so that two instances starting together do not both load it.
 */
@Component
class DemoDataLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final AccountService accounts;

	private final JdbcClient jdbc;

	private final RingfenceProperties properties;

	private final Clock clock;

	DemoDataLoader(GeographyService geography, WorkforceService workforce, AccountService accounts, JdbcClient jdbc,
			RingfenceProperties properties, Clock clock) {
		this.geography = geography;
		this.workforce = workforce;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public int order() {
		return DEMO_ORDER;
	}

	@Override
	@Transactional
	public void loadIfEmpty() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('ringfence.demo'))").query(Object.class).list();
		if (this.workforce.countPeople() > 0) {
			return;
		}
		long started = System.nanoTime();
		List<String> boroughs = this.geography.boroughs().stream().map(BoroughSummary::code).toList();
		List<ClusterSummary> clusters = this.geography.clusters(Optional.empty());
		DemoWorkforcePlan.DemoWorkforce demo = DemoWorkforcePlan.design(boroughs, clusters,
				this.geography.wards(Optional.empty()), this.geography.adjacency(), LocalDate.now(this.clock));
		this.workforce.addPeople(demo.people(), "synthetic demo workforce");
		createAccounts(demo, clusters);
		log.info("Loaded demo workforce: {} people and the demo accounts, in {} ms", demo.people().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private void createAccounts(DemoWorkforcePlan.DemoWorkforce demo, List<ClusterSummary> clusters) {
		String camdenCluster = clusters.stream()
			.filter(c -> c.boroughCode().equals(CAMDEN))
			.map(ClusterSummary::id)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Camden has no clusters"));
		DemoWorkforcePlan.KeyPerson sergeant = demo.keyPeople().get("sergeant:" + camdenCluster);
		List<Scope> sergeantWards = new ArrayList<>();
		sergeant.wards().forEach(w -> sergeantWards.add(new Scope(ScopeType.WARD, w)));
		DemoWorkforcePlan.KeyPerson pcso = demo.keyPeople().get("pcso:" + sergeant.wards().get(0));
		long pcsoId = person(pcso);

		account("admin", "Demo administrator", Role.ADMIN, Set.of(Scope.force()), null);
		account("analyst", "Demo PIB analyst", Role.ANALYST, Set.of(Scope.force()), null);
		account("oversight", "Demo oversight member", Role.OVERSIGHT, Set.of(Scope.force()), null);
		account("controller", "Demo CCC controller", Role.CONTROLLER, Set.of(Scope.force()), null);
		account("supt.camden", "Camden superintendent", Role.SUPERINTENDENT, Set.of(borough(CAMDEN)),
				person(demo.keyPeople().get("supt:" + CAMDEN)));
		account("smt.camden", "Camden SN SMT lead", Role.SMT_LEAD, Set.of(borough(CAMDEN)),
				person(demo.keyPeople().get("smt:" + CAMDEN)));
		account("inspector.camden", "Camden cluster inspector", Role.INSPECTOR,
				Set.of(new Scope(ScopeType.CLUSTER, camdenCluster)),
				person(demo.keyPeople().get("inspector:" + camdenCluster)));
		account("sergeant.camden", "Camden ward sergeant", Role.SERGEANT, Set.copyOf(sergeantWards), person(sergeant));
		account("officer.camden", "Camden PCSO", Role.OFFICER, Set.of(new Scope(ScopeType.PERSON, Long.toString(pcsoId))),
				pcsoId);
		account("resources.camden", "Camden resource office", Role.RESOURCE_OFFICE, Set.of(borough(CAMDEN)),
				person(demo.keyPeople().get("resources:" + CAMDEN)));
		account("supt.hackney", "Hackney superintendent", Role.SUPERINTENDENT, Set.of(borough(HACKNEY)),
				person(demo.keyPeople().get("supt:" + HACKNEY)));
	}

	private void account(String username, String displayName, Role role, Set<Scope> scopes, Long personId) {
		if (!this.accounts.exists(username)) {
			this.accounts.create(new NewAccount(username, displayName, this.properties.demoPassword(), role, scopes,
					Optional.ofNullable(personId)));
		}
	}

	private long person(DemoWorkforcePlan.KeyPerson key) {
		return this.workforce.personIdByServiceNumber(key.serviceNumber())
			.orElseThrow(() -> new IllegalStateException("Demo person " + key.serviceNumber() + " was not stored"));
	}

	private static Scope borough(String code) {
		return new Scope(ScopeType.BOROUGH, code);
	}

}
