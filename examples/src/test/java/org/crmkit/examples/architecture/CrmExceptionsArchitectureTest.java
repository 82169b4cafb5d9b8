package org.crmkit.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Objects;
import org.crmkit.core.common.CrmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across crmkit's modules (this module sees them all): main code throws only {@link CrmException}s, each with its
 * stable error code, and never a JDK exception ({@code IllegalArgumentException}, {@code IllegalStateException},
 * {@code UnsupportedOperationException}, {@code NullPointerException}, ...) of its own. A module is checked once its
 * root package is in {@link #MODULES}.
 */
class CrmExceptionsArchitectureTest {

    /** The root packages of the modules whose main code keeps the rule. */
    static final String[] MODULES = {
        "org.crmkit.core", "org.crmkit.persistence", "org.crmkit.analytics", "org.crmkit.workflow", "org.crmkit.csv"
    };

    private static JavaClasses mainCode;

    @BeforeAll
    static void importMainCode() {
        mainCode = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(MODULES);
    }

    @Test
    void mainCodeThrowsOnlyCrmExceptions() {
        noClasses()
                .should()
                .callConstructorWhere(createsAThrowableOutsideCrmException())
                .orShould()
                .callMethod(Objects.class, "requireNonNull", Object.class, String.class)
                .because("a caller matches on a CrmException's stable error code; wrap a library's exception in one")
                .check(mainCode);
    }

    private static DescribedPredicate<JavaConstructorCall> createsAThrowableOutsideCrmException() {
        // Exceptions only: the compiler's own IncompatibleClassChangeError in an exhaustive switch is no choice of ours
        return new DescribedPredicate<>("creates an exception that is not a CrmException") {
            @Override
            public boolean test(JavaConstructorCall call) {
                JavaClass created = call.getTargetOwner();
                // an exception class calling its superclass's constructor defines an exception, it throws nothing
                boolean superCall = call.getOriginOwner().isAssignableTo(Throwable.class);
                return created.isAssignableTo(Exception.class)
                        && !created.isAssignableTo(CrmException.class)
                        && !superCall;
            }
        };
    }
}
