package org.ringfence;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/** Access is denied by default: every handler must say who may use it. */
class ResourceSecurityTest {

	@Test
	void everyHandlerStatesWhoMayUseIt() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.ringfence");
		methods().that()
			.areMetaAnnotatedWith(RequestMapping.class)
			.and()
			.areDeclaredInClassesThat()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.check(classes);
	}

}
