package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The reporting views on PostgreSQL. */
class ReportingViewsOnPostgresTest extends ReportingViewsContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
