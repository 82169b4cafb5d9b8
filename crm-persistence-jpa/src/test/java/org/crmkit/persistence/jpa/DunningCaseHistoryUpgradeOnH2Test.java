package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseHistoryUpgradeOnH2Test extends DunningCaseHistoryUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
