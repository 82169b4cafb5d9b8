package org.crmkit.workflow.campaign;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.CampaignSendStoreContract;

class InMemoryCampaignSendStoreTest extends CampaignSendStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected CampaignSendStore createStore(Storage storage) {
        return InMemoryCampaignSendStore.create((InMemoryStorage) storage);
    }
}
