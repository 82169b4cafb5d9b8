package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class ForecastColumnsUpgradeOnH2Test extends ForecastColumnsUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
