package org.crmkit.workflow.dunning;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.DunningWorkListContract;

class InMemoryDunningWorkListTest extends DunningWorkListContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected DunningCaseStore createCases(Storage storage) {
        return InMemoryDunningCaseStore.create((InMemoryStorage) storage);
    }
}
