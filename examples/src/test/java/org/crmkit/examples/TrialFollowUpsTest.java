package org.crmkit.examples;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.examples.trial.InMemoryTrialStore;
import org.crmkit.examples.trial.TrialStore;
import org.crmkit.testkit.workflow.WorkflowScenario;

/** The example host workflow in memory. */
class TrialFollowUpsTest extends TrialFollowUpsChecks {

    @Override
    WorkflowScenario.Builder onStorage(WorkflowScenario.Builder scenario) {
        return scenario;
    }

    @Override
    TrialStore trialStore(Storage storage) {
        return InMemoryTrialStore.create((InMemoryStorage) storage);
    }
}
