package org.crmkit.examples;

import org.crmkit.core.spi.Storage;
import org.crmkit.examples.trial.JpaTrialStore;
import org.crmkit.examples.trial.TrialStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.testkit.workflow.WorkflowScenario;

/** The example host workflow on JpaStorage over H2, its trials in the example's own table. */
class TrialFollowUpsOnH2Test extends TrialFollowUpsChecks {

    private DemoDatabase database;

    @Override
    WorkflowScenario.Builder onStorage(WorkflowScenario.Builder scenario) {
        database = ExampleDatabases.h2();
        return scenario.storage(
                clock -> JpaStorage.builder(database.entityManagerFactory())
                        .clock(clock)
                        .build(),
                JpaWorkflowStore::create);
    }

    @Override
    TrialStore trialStore(Storage storage) {
        return JpaTrialStore.create((JpaStorage) storage);
    }

    @Override
    void closeStorage() {
        database.close();
    }
}
