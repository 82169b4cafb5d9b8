package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader views of the reporting views on PostgreSQL. */
class ReportingReadersOnPostgresTest extends ReportingReadersContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
