package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WorkflowErasureContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkflowErasureOnH2Test extends WorkflowErasureContract {

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

    @Override
    protected List<String> placesHolding(String text) {
        return database.placesHolding(text);
    }
}
