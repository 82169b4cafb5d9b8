package org.crmkit.examples;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.TenantId;
import org.crmkit.examples.trial.Trial;
import org.crmkit.examples.trial.TrialStore;
import org.crmkit.testkit.workflow.WorkflowOwnStoreContract;

/** crm-testkit's contract of a workflow's own store, applied to the example's {@link TrialStore}. */
abstract class TrialStoreContract extends WorkflowOwnStoreContract<Trial> {

    protected TrialStore store;

    @Override
    protected Trial newRecord(TenantId tenant) {
        return Trial.start(tenant, UUID.randomUUID(), AccountId.of(UUID.randomUUID()), LocalDate.of(2026, 3, 31));
    }

    @Override
    protected Trial save(Trial trial) {
        return store.save(trial);
    }

    @Override
    protected Optional<Trial> find(TenantId tenant, Trial trial) {
        return store.find(tenant, trial.id());
    }

    @Override
    protected Trial changed(Trial stored) {
        return stored.reminded();
    }

    @Override
    protected long version(Trial trial) {
        return trial.version();
    }
}
