package org.crmkit.workflow.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.ActionClaimContract;
import org.crmkit.workflow.WorkflowStore;

class InMemoryActionClaimTest extends ActionClaimContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected WorkflowStore createStore(Storage storage) {
        return InMemoryWorkflowStore.create((InMemoryStorage) storage);
    }
}
