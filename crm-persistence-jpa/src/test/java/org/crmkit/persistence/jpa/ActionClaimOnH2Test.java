package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.ActionClaimContract;
import org.crmkit.workflow.WorkflowStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActionClaimOnH2Test extends ActionClaimContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected WorkflowStore createStore(Storage storage) {
        return JpaWorkflowStore.create((JpaStorage) storage);
    }
}
