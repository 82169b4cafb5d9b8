package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.merge.MergeBeforeImage;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MergedMembership;
import org.crmkit.core.merge.ParticipantMoves;
import org.crmkit.core.merge.RecordsMerged;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceCaseState;
import org.crmkit.core.spi.MergeParticipant;
import org.crmkit.core.spi.Storage;

/**
 * One merge, in one transaction: the records involved read (each must be visible to the actor and changeable by
 * it), every related record that refers to a merged one moved to the survivor (saved straight through its
 * repository, recording none of its events, after the actor's right to change it is checked), the participants
 * told, the merged records deleted, the survivor saved with the survivorship rules applied, and the merge record
 * and its one {@link RecordsMerged} event stored. Any failure rolls all of it back.
 */
final class MergeRun {

    private final UseCases useCases;
    private final Storage storage;
    private final List<MergeParticipant> participants;
    private final TenantId tenant;

    MergeRun(UseCases useCases, List<MergeParticipant> participants) {
        this.useCases = useCases;
        this.storage = useCases.storage;
        this.participants = participants;
        this.tenant = useCases.tenant();
    }

    MergeRecord contacts(ContactId survivorId, List<ContactId> mergedIds, Survivorship rules) {
        List<UUID> merged = distinctIds(survivorId, mergedIds, "contacts");
        return useCases.write(() -> {
            Contact survivor = contact(survivorId);
            List<Contact> mergedContacts = mergedIds.stream().map(this::contact).toList();
            RelatedRecords related = RelatedRecords.ofContacts(useCases, mergedContacts);
            Repointed repoint = new Repointed(RecordType.CONTACT, survivorId.value(), merged);
            Moved moved = moveCommon(related, repoint);
            MergeRecord record = newRecord(RecordType.CONTACT, survivorId.value(), merged, rules);
            List<ParticipantMoves> participantMoves = tellParticipants(record);
            List<ContactState> before = new ArrayList<>();
            before.add(survivor.state());
            for (Contact contact : mergedContacts) {
                delete(storage.contacts().delete(tenant, contact.id(), contact.version()), "Contact", contact.id());
                storage.changeLog()
                        .recordMerge(tenant, "Contact", contact.id().value(), contact.version(), survivorId.value());
                before.add(contact.state());
            }
            Contact survived = Contact.restore(new Survivors(rules).contact(before, record.mergedAt()));
            saveSurvivor(survived, storage.contacts()::save);
            return store(
                    record,
                    new MergeBeforeImage(
                            before,
                            List.of(),
                            moved.leads,
                            moved.activities,
                            moved.tasks,
                            moved.opportunities,
                            List.of(),
                            List.of(),
                            List.of(),
                            moved.cases,
                            moved.campaignMembers),
                    participantMoves);
        });
    }

    MergeRecord accounts(AccountId survivorId, List<AccountId> mergedIds, Survivorship rules) {
        List<UUID> merged = distinctIds(survivorId, mergedIds, "accounts");
        return useCases.write(() -> {
            Account survivor = account(survivorId);
            List<Account> mergedAccounts = mergedIds.stream().map(this::account).toList();
            Set<UUID> involved = new LinkedHashSet<>(merged);
            involved.add(survivorId.value());
            RelatedRecords related = RelatedRecords.ofAccounts(useCases, mergedAccounts, involved);
            Repointed repoint = new Repointed(RecordType.ACCOUNT, survivorId.value(), merged);
            Moved moved = moveCommon(related, repoint);
            List<InvoiceState> invoices = move(
                    related.invoices.values(),
                    Invoice::state,
                    repoint::invoice,
                    Invoice::restore,
                    storage.invoices()::save);
            List<PaymentState> payments = move(
                    related.payments.values(),
                    Payment::state,
                    repoint::payment,
                    Payment::restore,
                    storage.payments()::save);
            List<CreditNoteState> creditNotes = move(
                    related.creditNotes.values(),
                    CreditNote::state,
                    repoint::creditNote,
                    CreditNote::restore,
                    storage.creditNotes()::save);
            List<ContactState> contacts = move(
                    related.linkedContacts.values(),
                    Contact::state,
                    repoint::contactLinks,
                    Contact::restore,
                    storage.contacts()::save);
            List<AccountState> children = move(
                    related.childAccounts.values(),
                    Account::state,
                    repoint::accountParents,
                    Account::restore,
                    storage.accounts()::save);
            MergeRecord record = newRecord(RecordType.ACCOUNT, survivorId.value(), merged, rules);
            List<ParticipantMoves> participantMoves = tellParticipants(record);
            List<AccountState> before = new ArrayList<>();
            List<AccountState> repointed = new ArrayList<>();
            before.add(survivor.state());
            repointed.add(repoint.accountParents(survivor.state()));
            for (Account account : mergedAccounts) {
                delete(storage.accounts().delete(tenant, account.id(), account.version()), "Account", account.id());
                storage.changeLog()
                        .recordMerge(tenant, "Account", account.id().value(), account.version(), survivorId.value());
                before.add(account.state());
                repointed.add(repoint.accountParents(account.state()));
            }
            saveSurvivor(Account.restore(new Survivors(rules).account(repointed)), storage.accounts()::save);
            before.addAll(children);
            return store(
                    record,
                    new MergeBeforeImage(
                            contacts,
                            before,
                            moved.leads,
                            moved.activities,
                            moved.tasks,
                            moved.opportunities,
                            invoices,
                            payments,
                            creditNotes,
                            moved.cases,
                            moved.campaignMembers),
                    participantMoves);
        });
    }

    /** The before-images of the related records both kinds of merge move. */
    private record Moved(
            List<LeadState> leads,
            List<ActivityState> activities,
            List<TaskState> tasks,
            List<OpportunityState> opportunities,
            List<ServiceCaseState> cases,
            List<MergedMembership> campaignMembers) {}

    private Moved moveCommon(RelatedRecords related, Repointed repoint) {
        return new Moved(
                move(related.leads.values(), Lead::state, repoint::lead, Lead::restore, storage.leads()::save),
                move(
                        related.activities.values(),
                        Activity::state,
                        repoint::activity,
                        Activity::restore,
                        storage.activities()::save),
                move(related.tasks.values(), Task::state, repoint::task, Task::restore, storage.tasks()::save),
                move(
                        related.opportunities.values(),
                        Opportunity::state,
                        repoint::opportunity,
                        Opportunity::restore,
                        storage.opportunities()::save),
                move(
                        related.cases.values(),
                        ServiceCase::state,
                        repoint::serviceCase,
                        ServiceCase::restore,
                        storage.cases()::save),
                new MergedMemberships(useCases).move(repoint.survivorRef(), related.memberships));
    }

    /**
     * Saves each record that refers to a merged one with the survivor instead, after checking that the actor may
     * change it; returns the states they had before, in order.
     */
    private <A extends AggregateRoot<?>, S extends AggregateState<S>> List<S> move(
            Collection<A> records,
            Function<A, S> state,
            UnaryOperator<S> repoint,
            Function<S, A> restore,
            UnaryOperator<A> save) {
        List<S> before = new ArrayList<>();
        for (A record : records) {
            S current = state.apply(record);
            S moved = repoint.apply(current);
            if (!moved.equals(current)) {
                useCases.sharing.requireChangeable(record);
                save.apply(restore.apply(moved));
                before.add(current);
            }
        }
        return before;
    }

    private Contact contact(ContactId id) {
        RecordRef ref = RecordRef.contact(Require.notNull(id, "contact"));
        refuseMergedAway(ref);
        useCases.sharing.requireChangeable(ref);
        return Reads.found(storage.contacts().findById(tenant, id), "Contact", id);
    }

    private Account account(AccountId id) {
        RecordRef ref = RecordRef.account(Require.notNull(id, "account"));
        refuseMergedAway(ref);
        useCases.sharing.requireChangeable(ref);
        return Reads.found(storage.accounts().findById(tenant, id), "Account", id);
    }

    private void refuseMergedAway(RecordRef ref) {
        storage.merges().findInForceMerging(tenant, ref).ifPresent(merge -> {
            throw new IllegalTransitionException(Merges.typeName(ref.type()) + " " + ref.id() + " was merged into "
                    + merge.survivor() + " by merge " + merge.id() + "; merge the survivor");
        });
    }

    private static List<UUID> distinctIds(EntityId survivor, List<? extends EntityId> merged, String field) {
        Require.notNull(survivor, "survivor");
        Require.noNulls(Require.notNull(merged, field), field);
        Require.that(!merged.isEmpty(), field, "must name at least one record to merge into the survivor");
        List<UUID> ids = merged.stream().map(EntityId::value).toList();
        if (ids.contains(survivor.value())) {
            throw InvalidValueException.invalid(field, "must not contain the survivor " + survivor);
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw InvalidValueException.invalid(field, "names a record twice: " + ids);
        }
        return ids;
    }

    private MergeRecord newRecord(RecordType type, UUID survivor, List<UUID> merged, Survivorship rules) {
        return new MergeRecord(
                tenant,
                MergeId.of(useCases.ids.next()),
                0,
                type,
                survivor,
                merged,
                useCases.actor().id(),
                useCases.clock.instant(),
                rules,
                new MergeBeforeImage(
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of()),
                List.of(),
                null,
                null);
    }

    private List<ParticipantMoves> tellParticipants(MergeRecord record) {
        List<ParticipantMoves> moves = new ArrayList<>();
        for (MergeParticipant participant : participants) {
            List<String> moved = participant.moveToSurvivor(record);
            if (!moved.isEmpty()) {
                moves.add(new ParticipantMoves(participant.name(), moved));
            }
        }
        return moves;
    }

    private static void delete(boolean deleted, String type, EntityId id) {
        if (!deleted) {
            throw new RecordNotFoundException(type, id);
        }
    }

    private <A extends AggregateRoot<?>> void saveSurvivor(A survived, UnaryOperator<A> save) {
        useCases.fields.requireEditable(survived);
        useCases.audit.beforeSave(useCases, List.of(survived));
        save.apply(survived);
    }

    private MergeRecord store(MergeRecord record, MergeBeforeImage before, List<ParticipantMoves> moves) {
        Instant at = record.mergedAt();
        MergeRecord complete = new MergeRecord(
                tenant,
                record.id(),
                0,
                record.type(),
                record.survivor(),
                record.merged(),
                record.mergedBy(),
                at,
                record.rules(),
                before,
                moves,
                null,
                null);
        MergeRecord saved = storage.merges().save(complete);
        storage.outbox()
                .append(List.of(new RecordsMerged(
                        tenant,
                        record.survivor(),
                        at,
                        record.id(),
                        record.type(),
                        record.merged(),
                        record.mergedBy())));
        return saved;
    }
}
