package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.CampaignSendStoreContract;
import org.crmkit.workflow.campaign.CampaignSendStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignSendStoreOnH2Test extends CampaignSendStoreContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected CampaignSendStore createStore(Storage storage) {
        return JpaCampaignSendStore.create((JpaStorage) storage);
    }
}
