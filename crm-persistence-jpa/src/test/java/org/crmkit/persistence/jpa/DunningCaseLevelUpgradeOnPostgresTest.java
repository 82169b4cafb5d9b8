package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseLevelUpgradeOnPostgresTest extends DunningCaseLevelUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
