package org.crmkit.persistence.jpa;

import org.crmkit.core.common.Require;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.ActionStore;

/**
 * crm-workflow's {@link WorkflowStore} in the database of a {@link JpaStorage} and inside its transactions: a
 * workflow's state change, its planned actions and crmkit's own records commit or roll back together. Actions live
 * in {@code crm_workflow_action} (schema 6 under {@code db/migration/crmkit/<database>/}); dunning's cases in
 * {@link JpaDunningCaseStore}. Dispatchers on several nodes claim due actions with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so none is taken twice; a claim is a lease, so the actions of a
 * node that died mid-run become claimable again when it ends. Thread-safe; create one per {@code JpaStorage}.
 *
 * <pre>{@code
 * JpaStorage storage = JpaStorage.create(entityManagerFactory);
 * Crm crm = Crm.builder().storage(storage).clock(clock).build();
 * WorkflowRuntime runtime = WorkflowRuntime.builder().crm(crm).store(JpaWorkflowStore.create(storage)).build();
 * }</pre>
 */
public final class JpaWorkflowStore implements WorkflowStore {

    private final JpaStorage storage;
    private final JpaActionStore actions;

    private JpaWorkflowStore(JpaStorage storage) {
        this.storage = storage;
        this.actions = new JpaActionStore(storage.jpaTransactions(), storage.json());
    }

    /** The workflow store in the database of {@code storage}, joining its transactions. */
    public static JpaWorkflowStore create(JpaStorage storage) {
        return new JpaWorkflowStore(Require.notNull(storage, "storage"));
    }

    @Override
    public JpaStorage storage() {
        return storage;
    }

    @Override
    public ActionStore actions() {
        return actions;
    }
}
