package org.crmkit.analytics.spark.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.origin;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.crmkit.core.common.CrmException;
import org.junit.jupiter.api.Test;

/**
 * The module throws crmkit's coded exceptions only, as the other modules do (examples' CrmExceptionsArchitectureTest
 * checks those; it does not see this module, whose Spark dependency the examples do not have): a job's caller, and
 * {@code SparkAnalyticsJob}'s exit status, tell a usage error from refused data by the {@link CrmException}'s code.
 */
class CodedExceptionsTest {

    @Test
    void mainCodeCreatesNoExceptionButACrmException() {
        noClasses()
                .should()
                .callConstructorWhere(target(
                                owner(assignableTo(Throwable.class).and(not(assignableTo(CrmException.class)))))
                        // the compiler's own code, e.g. $deserializeLambda$ of a serializable lambda (Spark's)
                        .and(origin(not(modifier(JavaModifier.SYNTHETIC)))))
                .because("a caller tells failures apart by a CrmException's stable code")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.crmkit.analytics.spark"));
    }
}
