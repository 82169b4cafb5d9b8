package org.crmkit.workflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules of crm-workflow, checked on the compiled main classes. */
class WorkflowArchitectureTest {

    private static JavaClasses workflow;

    @BeforeAll
    static void importWorkflow() {
        workflow = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmkit.workflow");
    }

    @Test
    void workflowDependsOnCoreOnlyNeverOnAdaptersOrFrameworks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.crmkit.analytics..",
                        "org.crmkit.persistence..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "org.springframework..",
                        "com.fasterxml.jackson..",
                        "java.sql..")
                .check(workflow);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.crmkit.workflow.(*)..").should().beFreeOfCycles().check(workflow);
    }

    /**
     * The runtime (the root package, actions and channels, the in-memory outbox) is a platform its workflows build
     * on, the same way for crmkit's and a host's: it knows none of them.
     */
    @Test
    void runtimeDependsOnNoWorkflow() {
        noClasses()
                .that()
                .resideInAnyPackage("org.crmkit.workflow", "org.crmkit.workflow.action", "org.crmkit.workflow.inmemory")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.crmkit.workflow.dunning..",
                        "org.crmkit.workflow.reminder..",
                        "org.crmkit.workflow.sequence..",
                        "org.crmkit.workflow.greeting..",
                        "org.crmkit.workflow.service..",
                        "org.crmkit.workflow.spi..")
                .check(workflow);
    }

    @Test
    void mainCodeReadsTimeOnlyFromTheInjectedClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(workflow);
    }
}
