package org.ringfence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of DESIGN.md: a module is a direct sub-package of org.ringfence; others may use
 * only its base package (its public API), never its domain, persistence or web packages; modules
 * form no cycles and depend only on the modules they declare; domain rules are plain Java; the
 * platform kernel depends on no module; nobody depends on audit (it only listens).
 */
class ModularityTest {

	static final String BASE = "org.ringfence";

	/** Each module and the modules it may use (platform is open to all). */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("identity", Set.of()),
			Map.entry("geography", Set.of("identity")), Map.entry("workforce", Set.of("geography", "identity")),
			Map.entry("duties", Set.of("workforce", "geography", "identity")), Map.entry("audit", Set.of("identity")),
			Map.entry("demo", Set.of("geography", "workforce", "duties", "identity")),
			Map.entry("tasking", Set.of("geography", "identity")), Map.entry("demand", Set.of("geography", "identity")),
			Map.entry("protocol", Set.of("identity")),
			Map.entry("flex", Set.of("tasking", "protocol", "duties", "workforce", "geography", "identity")),
			Map.entry("deflection", Set.of("flex", "tasking", "duties", "workforce", "geography", "identity")),
			Map.entry("allocation", Set.of("demand", "geography", "workforce", "identity")),
			Map.entry("shifts", Set.of("demand", "workforce", "geography", "identity")),
			Map.entry("neighbourhood", Set.of("performance", "workforce", "geography", "identity")),
			Map.entry("rostering", Set.of("shifts", "duties", "workforce", "geography", "identity")),
			Map.entry("performance", Set.of("duties", "flex", "deflection", "demand", "geography", "identity")));

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(BASE);
	}

	@Test
	void modulesAreUsedOnlyThroughTheirBasePackage() {
		for (String module : ALLOWED.keySet()) {
			noClasses().that()
				.resideOutsideOfPackage(BASE + "." + module + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(BASE + "." + module + ".*..")
				.because("other modules use only the public API in the base package of " + module)
				.check(classes);
		}
	}

	@Test
	void modulesDependOnlyOnTheModulesTheyDeclare() {
		for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
			List<String> forbidden = ALLOWED.keySet()
				.stream()
				.filter(other -> !other.equals(module.getKey()) && !module.getValue().contains(other))
				.map(other -> BASE + "." + other + "..")
				.collect(Collectors.toList());
			if (forbidden.isEmpty()) {
				continue;
			}
			noClasses().that()
				.resideInAPackage(BASE + "." + module.getKey() + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(forbidden.toArray(String[]::new))
				.check(classes);
		}
	}

	@Test
	void modulesFormNoCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void platformDependsOnNoModule() {
		noClasses().that()
			.resideInAPackage(BASE + ".platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ALLOWED.keySet().stream().map(m -> BASE + "." + m + "..").toArray(String[]::new))
			.check(classes);
	}

	@Test
	void domainRulesArePlainJava() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..")
			.check(classes);
	}

	@Test
	void nobodyDependsOnAuditItOnlyListens() {
		noClasses().that()
			.resideOutsideOfPackage(BASE + ".audit..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".audit..")
			.check(classes);
	}

	@Test
	void everyPackageIsAKnownModuleOrThePlatform() {
		Set<String> topLevel = classes.stream()
			.map(c -> c.getPackageName())
			.filter(p -> p.startsWith(BASE + "."))
			.map(p -> p.substring(BASE.length() + 1).split("\\.")[0])
			.collect(Collectors.toSet());
		org.assertj.core.api.Assertions.assertThat(topLevel).allMatch(p -> p.equals("platform") || ALLOWED.containsKey(p));
	}

}
