package org.crmkit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CrmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture rules of crm-core, checked on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmkit.core");
    }

    @Test
    void coreDependsOnNoPersistenceJsonInjectionOrWebFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..",
                        "javax.persistence..",
                        "org.hibernate..",
                        "com.fasterxml.jackson..",
                        "com.google.gson..",
                        "org.springframework..",
                        "jakarta.inject..",
                        "javax.inject..",
                        "com.google.inject..",
                        "jakarta.servlet..",
                        "javax.servlet..",
                        "jakarta.ws..",
                        "java.sql..")
                .check(core);
    }

    @Test
    void businessAreasHaveNoPackageCycles() {
        slices().matching("org.crmkit.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void onlyTheEntryPointPackageSeesTheUseCaseServices() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.crmkit.core")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.crmkit.core")
                .check(core);
    }

    @Test
    void aggregatesReferToOtherAggregatesByIdOnly() {
        fields().that()
                .areDeclaredInClassesThat()
                .areAssignableTo(AggregateRoot.class)
                .should(notHoldAnAggregate())
                .allowEmptyShould(true)
                .check(core);
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
                .check(core);
    }

    @Test
    void everyExceptionOfCoreBelongsToTheCrmExceptionHierarchy() {
        classes()
                .that()
                .areAssignableTo(RuntimeException.class)
                .should()
                .beAssignableTo(CrmException.class)
                .check(core);
    }

    private static ArchCondition<JavaField> notHoldAnAggregate() {
        DescribedPredicate<JavaClass> aggregate = JavaClass.Predicates.assignableTo(AggregateRoot.class);
        return new ArchCondition<>("not hold another aggregate (refer to it by id)") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean holdsAggregate = aggregate.test(field.getRawType())
                        || field.getType().getAllInvolvedRawTypes().stream().anyMatch(aggregate::test);
                if (holdsAggregate) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds an aggregate"));
                }
            }
        };
    }
}
