package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader views of the reporting views on H2. */
class ReportingReadersOnH2Test extends ReportingReadersContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
