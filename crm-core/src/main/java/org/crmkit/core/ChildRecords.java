package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.ServiceCase;

/**
 * The records that hang off the owned ones (contacts, accounts, leads, opportunities) and follow their visibility
 * instead of having an owner of their own: an activity its contacts, accounts and related records; a task its link;
 * a case its account and contact; invoices, payments and credit notes their account. A task or case is also its
 * assignee's, as an owned record is its owner's.
 */
final class ChildRecords {

    private static final Set<RecordType> OWNED =
            Set.of(RecordType.CONTACT, RecordType.ACCOUNT, RecordType.LEAD, RecordType.OPPORTUNITY);

    /** The types of the records each child type follows; an owned type follows itself. */
    private static final Map<RecordType, Set<RecordType>> FOLLOWED = Map.of(
            RecordType.ACTIVITY, OWNED,
            RecordType.TASK, OWNED,
            RecordType.CASE, Set.of(RecordType.CONTACT, RecordType.ACCOUNT),
            RecordType.INVOICE, Set.of(RecordType.ACCOUNT),
            RecordType.PAYMENT, Set.of(RecordType.ACCOUNT));

    /** The records whose visibility decides which campaign members a user sees: a member needs all of them. */
    static final Set<RecordType> CAMPAIGN_MEMBER_PARENTS =
            Set.of(RecordType.CAMPAIGN, RecordType.CONTACT, RecordType.LEAD);

    /** A child record as the sharing rules read it: what it hangs off, and its assignee (null: none). */
    record Child(RecordType type, UUID id, List<RecordRef> parents, UserId assignee) {}

    private ChildRecords() {}

    /** The record types whose visibility decides which records of {@code type} a user sees. */
    static Set<RecordType> followedBy(RecordType type) {
        return FOLLOWED.getOrDefault(type, Set.of(type));
    }

    /** The record as a child of owned records; empty for other records (owned ones, campaigns, ...). */
    static Optional<Child> of(AggregateRoot<?> record) {
        if (record instanceof Activity activity) {
            return child(RecordType.ACTIVITY, activity.id().value(), activity.references(), null);
        }
        if (record instanceof Task task) {
            List<RecordRef> link = task.link() == null ? List.of() : List.of(task.link());
            return child(RecordType.TASK, task.id().value(), link, task.assignee());
        }
        if (record instanceof ServiceCase serviceCase) {
            List<RecordRef> parents = new ArrayList<>();
            if (serviceCase.contact() != null) {
                parents.add(RecordRef.contact(serviceCase.contact()));
            }
            if (serviceCase.account() != null) {
                parents.add(RecordRef.account(serviceCase.account()));
            }
            return child(RecordType.CASE, serviceCase.id().value(), parents, serviceCase.assignee());
        }
        if (record instanceof Invoice invoice) {
            return child(RecordType.INVOICE, invoice.id().value(), List.of(RecordRef.account(invoice.account())), null);
        }
        if (record instanceof Payment payment) {
            return child(RecordType.PAYMENT, payment.id().value(), List.of(RecordRef.account(payment.account())), null);
        }
        if (record instanceof CreditNote note) {
            // a credit note has no record type of its own: it is read with the invoices' restriction
            return child(RecordType.INVOICE, note.id().value(), List.of(RecordRef.account(note.account())), null);
        }
        return Optional.empty();
    }

    private static Optional<Child> child(RecordType type, UUID id, List<RecordRef> refs, UserId assignee) {
        Set<RecordType> followed = followedBy(type);
        List<RecordRef> parents =
                refs.stream().filter(ref -> followed.contains(ref.type())).toList();
        return Optional.of(new Child(type, id, parents, assignee));
    }
}
