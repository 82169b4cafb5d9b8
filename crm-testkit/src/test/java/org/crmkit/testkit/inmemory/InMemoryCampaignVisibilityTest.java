package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.CampaignVisibilityContract;
import org.crmkit.testkit.SettableClock;

class InMemoryCampaignVisibilityTest extends CampaignVisibilityContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
