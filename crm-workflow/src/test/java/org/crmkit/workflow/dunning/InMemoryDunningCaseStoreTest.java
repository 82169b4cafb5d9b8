package org.crmkit.workflow.dunning;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.DunningCaseStoreContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;

class InMemoryDunningCaseStoreTest extends DunningCaseStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected WorkflowStore createStore(Storage storage) {
        return InMemoryWorkflowStore.create((InMemoryStorage) storage);
    }

    @Override
    protected DunningCaseStore createCases(Storage storage) {
        return InMemoryDunningCaseStore.create((InMemoryStorage) storage);
    }
}
