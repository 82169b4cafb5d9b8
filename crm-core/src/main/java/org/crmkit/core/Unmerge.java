package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.merge.MergeBeforeImage;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MergeUndone;
import org.crmkit.core.merge.ParticipantMoves;
import org.crmkit.core.merge.UnmergeRefusedException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.MergeParticipant;
import org.crmkit.core.spi.Storage;

/**
 * One unmerge, in one transaction. It puts every record of the before-image back as it was (the merged records
 * stored again under their ids) and lets the participants move theirs back, but only while nothing newer depends on
 * the merge; otherwise it refuses with an {@link UnmergeRefusedException} naming every reason and changes nothing.
 * Something newer depends on the merge when: the merge was already undone; a later merge in force involves its
 * survivor; a record the merge wrote (the survivor, a moved record) no longer exists or holds other content than
 * the merge left in it (see {@link MergeOutcome}); or a participant reports that one of its moved records changed
 * since.
 * Records created after the merge that refer to the survivor stay with the survivor.
 */
final class Unmerge {

    private final UseCases useCases;
    private final Storage storage;
    private final List<MergeParticipant> participants;
    private final TenantId tenant;

    Unmerge(UseCases useCases, List<MergeParticipant> participants) {
        this.useCases = useCases;
        this.storage = useCases.storage;
        this.participants = participants;
        this.tenant = useCases.tenant();
    }

    MergeRecord run(MergeId id) {
        return useCases.write(() -> {
            MergeRecord merge = Reads.found(storage.merges().findById(tenant, id), "Merge", id);
            List<String> reasons = new ArrayList<>();
            Set<UUID> merged = Set.copyOf(merge.merged());
            if (!merge.inForce()) {
                reasons.add("it was already undone by " + merge.unmergedBy() + " at " + merge.unmergedAt());
            } else {
                reasons.addAll(laterMerges(merge));
                kinds(merge).forEach(kind -> kind.addBlockers(merged, reasons));
                reasons.addAll(new MergedMemberships(useCases).unmergeBlockers(merge));
                reasons.addAll(participantBlockers(merge));
            }
            if (!reasons.isEmpty()) {
                throw new UnmergeRefusedException(id, reasons);
            }
            kinds(merge).forEach(kind -> kind.putBack(merged, useCases.sharing));
            new MergedMemberships(useCases).putBack(merge);
            for (MergeParticipant participant : participants) {
                movedBy(merge, participant).ifPresent(moves -> participant.moveBack(merge, moves.moved()));
            }
            MergeRecord undone =
                    storage.merges().save(merge.undone(useCases.actor().id(), useCases.clock.instant()));
            storage.outbox()
                    .append(List.of(new MergeUndone(
                            tenant,
                            merge.survivor(),
                            undone.unmergedAt(),
                            merge.id(),
                            merge.type(),
                            merge.merged(),
                            undone.unmergedBy())));
            return undone;
        });
    }

    private List<String> laterMerges(MergeRecord merge) {
        List<String> reasons = new ArrayList<>();
        List<MergeRecord> involving = storage.merges().findInvolving(tenant, merge.survivorRef());
        boolean later = false;
        for (MergeRecord other : involving) {
            if (later && other.inForce()) {
                reasons.add("merge " + other.id() + " of " + other.mergedAt() + " involves its survivor "
                        + merge.survivor() + " since (undo that one first)");
            }
            later |= other.id().equals(merge.id());
        }
        return reasons;
    }

    private List<String> participantBlockers(MergeRecord merge) {
        List<String> reasons = new ArrayList<>();
        for (MergeParticipant participant : participants) {
            movedBy(merge, participant)
                    .ifPresent(moves -> reasons.addAll(participant.unmergeBlockers(merge, moves.moved())));
        }
        return reasons;
    }

    private static Optional<ParticipantMoves> movedBy(MergeRecord merge, MergeParticipant participant) {
        return merge.participants().stream()
                .filter(moves -> moves.participant().equals(participant.name()))
                .findFirst();
    }

    /** The before-images of one kind of record, and how that kind is found, restored and saved. */
    private record Kind<A extends AggregateRoot<?>, S extends AggregateState<S>>(
            String type,
            List<S> before,
            UnaryOperator<S> left,
            Function<UUID, Optional<S>> find,
            Function<S, A> restore,
            UnaryOperator<A> save) {

        /** Why a written record cannot be put back: gone, or holding other content than the merge left. */
        void addBlockers(Set<UUID> merged, List<String> reasons) {
            for (S state : before) {
                UUID id = state.id().value();
                if (merged.contains(id)) {
                    continue;
                }
                Optional<S> current = find.apply(id);
                if (current.isEmpty()) {
                    reasons.add(type + " " + id + " no longer exists");
                } else if (!current.get()
                        .withVersion(0)
                        .equals(left.apply(state).withVersion(0))) {
                    reasons.add(type + " " + id + " was changed after the merge (it is at version "
                            + current.get().version() + ", the merge left version " + (state.version() + 1) + ")");
                }
            }
        }

        /** Puts every record back: over the stored one, then the merged records stored again under their ids. */
        void putBack(Set<UUID> merged, RecordAccess sharing) {
            List<S> mergedAway = new ArrayList<>();
            for (S state : before) {
                if (merged.contains(state.id().value())) {
                    mergedAway.add(state);
                } else {
                    S current = Reads.found(find.apply(state.id().value()), type, state.id());
                    sharing.requireChangeable(restore.apply(current));
                    save.apply(restore.apply(state.withVersion(current.version())));
                }
            }
            for (S state : mergedAway) {
                save.apply(restore.apply(state.withVersion(0)));
            }
        }
    }

    /** The kinds in the order they are put back: parties first, so that their external references are free. */
    private List<Kind<?, ?>> kinds(MergeRecord merge) {
        MergeBeforeImage image = merge.before();
        MergeOutcome outcome = new MergeOutcome(merge);
        Repointed moved = outcome.repointed();
        return List.of(
                new Kind<>(
                        "Contact",
                        image.contacts(),
                        outcome::contact,
                        id -> storage.contacts()
                                .findById(tenant, ContactId.of(id))
                                .map(Contact::state),
                        Contact::restore,
                        storage.contacts()::save),
                new Kind<>(
                        "Account",
                        image.accounts(),
                        outcome::account,
                        id -> storage.accounts()
                                .findById(tenant, AccountId.of(id))
                                .map(Account::state),
                        Account::restore,
                        storage.accounts()::save),
                new Kind<>(
                        "Lead",
                        image.leads(),
                        moved::lead,
                        id -> storage.leads().findById(tenant, LeadId.of(id)).map(Lead::state),
                        Lead::restore,
                        storage.leads()::save),
                new Kind<>(
                        "Activity",
                        image.activities(),
                        moved::activity,
                        id -> storage.activities()
                                .findById(tenant, ActivityId.of(id))
                                .map(Activity::state),
                        Activity::restore,
                        storage.activities()::save),
                new Kind<>(
                        "Task",
                        image.tasks(),
                        moved::task,
                        id -> storage.tasks().findById(tenant, TaskId.of(id)).map(Task::state),
                        Task::restore,
                        storage.tasks()::save),
                new Kind<>(
                        "Opportunity",
                        image.opportunities(),
                        moved::opportunity,
                        id -> storage.opportunities()
                                .findById(tenant, OpportunityId.of(id))
                                .map(Opportunity::state),
                        Opportunity::restore,
                        storage.opportunities()::save),
                new Kind<>(
                        "Invoice",
                        image.invoices(),
                        moved::invoice,
                        id -> storage.invoices()
                                .findById(tenant, InvoiceId.of(id))
                                .map(Invoice::state),
                        Invoice::restore,
                        storage.invoices()::save),
                new Kind<>(
                        "Payment",
                        image.payments(),
                        moved::payment,
                        id -> storage.payments()
                                .findById(tenant, PaymentId.of(id))
                                .map(Payment::state),
                        Payment::restore,
                        storage.payments()::save),
                new Kind<>(
                        "CreditNote",
                        image.creditNotes(),
                        moved::creditNote,
                        id -> storage.creditNotes()
                                .findById(tenant, CreditNoteId.of(id))
                                .map(CreditNote::state),
                        CreditNote::restore,
                        storage.creditNotes()::save),
                new Kind<>(
                        "ServiceCase",
                        image.cases(),
                        moved::serviceCase,
                        id -> storage.cases().findById(tenant, CaseId.of(id)).map(ServiceCase::state),
                        ServiceCase::restore,
                        storage.cases()::save));
    }
}
