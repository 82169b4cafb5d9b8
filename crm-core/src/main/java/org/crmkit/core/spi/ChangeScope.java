package org.crmkit.core.spi;

import java.util.UUID;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.service.ServiceCaseState;

/**
 * Whose a record is and where it hangs, as the change feed keeps it with each change (before and after): its owner
 * (a task's assignee), its territory, and the account it belongs to (an account itself; a contact's first
 * affiliation; an opportunity's, invoice's or case's account; an activity's first account; a task's linked account).
 * Each may be null. A device's subscription selects changes by them without reading the records, and a change whose
 * scope before matches but whose scope after does not tells a device that the record left its slice.
 */
public record ChangeScope(UUID owner, UUID territory, UUID account) {

    /** No owner, territory or account: records outside every slice (pipelines, users, ...), and deleted records. */
    public static final ChangeScope NONE = new ChangeScope(null, null, null);

    /** Whether the records of the state type have a scope at all, so that an adapter reads a stored state for it. */
    public static boolean isScoped(Class<?> stateType) {
        return stateType == AccountState.class
                || stateType == ContactState.class
                || stateType == LeadState.class
                || stateType == OpportunityState.class
                || stateType == InvoiceState.class
                || stateType == ServiceCaseState.class
                || stateType == TaskState.class
                || stateType == ActivityState.class;
    }

    /** The scope of a record's state; {@link #NONE} for a state of a type without one. */
    public static ChangeScope of(Object state) {
        if (state instanceof AccountState account) {
            return of(account.owner(), account.territory(), account.id());
        }
        if (state instanceof ContactState contact) {
            return of(
                    contact.owner(),
                    contact.territory(),
                    contact.affiliations().isEmpty()
                            ? null
                            : contact.affiliations().get(0).account());
        }
        if (state instanceof LeadState lead) {
            return of(lead.owner(), null, null);
        }
        if (state instanceof OpportunityState opportunity) {
            return of(opportunity.owner(), null, opportunity.account());
        }
        if (state instanceof InvoiceState invoice) {
            return of(null, null, invoice.account());
        }
        if (state instanceof ServiceCaseState serviceCase) {
            return of(serviceCase.assignee(), null, serviceCase.account());
        }
        if (state instanceof TaskState task) {
            UUID account = task.link() != null && task.link().type() == RecordType.ACCOUNT
                    ? task.link().id()
                    : null;
            return new ChangeScope(uuid(task.assignee()), null, account);
        }
        if (state instanceof ActivityState activity) {
            return of(
                    null,
                    null,
                    activity.accounts().isEmpty() ? null : activity.accounts().get(0));
        }
        return NONE;
    }

    private static ChangeScope of(EntityId owner, EntityId territory, EntityId account) {
        return new ChangeScope(uuid(owner), uuid(territory), uuid(account));
    }

    private static UUID uuid(EntityId id) {
        return id == null ? null : id.value();
    }
}
