package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WorkflowMergeContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.sequence.EnrolmentStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkflowMergeOnPostgresTest extends WorkflowMergeContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

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
    protected EnrolmentStore createEnrolments(Storage storage) {
        return JpaEnrolmentStore.create((JpaStorage) storage);
    }
}
