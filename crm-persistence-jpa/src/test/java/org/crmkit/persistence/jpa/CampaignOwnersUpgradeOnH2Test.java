package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignOwnersUpgradeOnH2Test extends CampaignOwnersUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
