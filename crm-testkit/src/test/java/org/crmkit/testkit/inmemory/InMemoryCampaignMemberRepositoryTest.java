package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.CampaignMemberRepositoryContract;
import org.crmkit.testkit.SettableClock;

class InMemoryCampaignMemberRepositoryTest extends CampaignMemberRepositoryContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
