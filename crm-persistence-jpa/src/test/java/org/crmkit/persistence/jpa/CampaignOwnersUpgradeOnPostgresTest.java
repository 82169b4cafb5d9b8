package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignOwnersUpgradeOnPostgresTest extends CampaignOwnersUpgrade {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
