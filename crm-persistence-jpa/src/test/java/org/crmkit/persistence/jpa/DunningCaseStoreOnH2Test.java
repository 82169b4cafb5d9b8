package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.DunningCaseStoreContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseStoreOnH2Test extends DunningCaseStoreContract {

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

    @Override
    protected DunningCaseStore createCases(Storage storage) {
        return JpaDunningCaseStore.create((JpaStorage) storage);
    }
}
