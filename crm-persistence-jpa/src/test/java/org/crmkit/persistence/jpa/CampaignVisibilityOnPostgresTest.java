package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.CampaignVisibilityContract;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignVisibilityOnPostgresTest extends CampaignVisibilityContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }
}
