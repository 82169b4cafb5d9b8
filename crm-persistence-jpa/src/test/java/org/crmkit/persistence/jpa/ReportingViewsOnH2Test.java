package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The reporting views on H2. */
class ReportingViewsOnH2Test extends ReportingViewsContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
