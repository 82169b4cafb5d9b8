package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseHistoryUpgradeOnPostgresTest extends DunningCaseHistoryUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
