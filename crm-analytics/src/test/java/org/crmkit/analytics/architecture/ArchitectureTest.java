package org.crmkit.analytics.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calculators stand alone: only the adapter package reads crm-core's domain. */
class ArchitectureTest {

    private static JavaClasses analytics;

    @BeforeAll
    static void importAnalytics() {
        analytics = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmkit.analytics");
    }

    @Test
    void onlyTheCrmAdapterDependsOnCrmCoreBeyondItsExceptionTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.crmkit.analytics.crm..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.crmkit.core..").and(not(resideInAPackage("org.crmkit.core.common.."))))
                .check(analytics);
    }
}
