package org.crmkit.workflow.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WorkflowMergeContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.InMemoryDunningCaseStore;
import org.crmkit.workflow.sequence.EnrolmentStore;
import org.crmkit.workflow.sequence.InMemoryEnrolmentStore;

class InMemoryWorkflowMergeTest extends WorkflowMergeContract {

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

    @Override
    protected EnrolmentStore createEnrolments(Storage storage) {
        return InMemoryEnrolmentStore.create((InMemoryStorage) storage);
    }
}
