package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.duplicate.DuplicateCluster;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.Resolved;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.merge.UnmergeRefusedException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.MergeParticipant;

/**
 * Merging duplicate contacts or accounts into a survivor, undoing a merge, and reading records by ids, e-mail
 * addresses and external references that may belong to merged records.
 *
 * <p>A merge is one transaction (joining the caller's): the survivor gets its fields by the {@link Survivorship}
 * rules and the collections of all records combined (see {@link org.crmkit.core.merge.MergeField}); every record of
 * crmkit's storage that refers to a merged record is moved to the survivor, and so is every registered {@link
 * MergeParticipant}'s; the merged records are deleted and their ids redirect to the survivor; a {@link MergeRecord}
 * keeps who merged what and when and the before-image of every record it changed; one {@code RecordsMerged} event is
 * recorded. Under a restricting sharing model the acting user must be allowed to change every record involved, the
 * moved ones included. A record changed by someone else while the merge runs makes the merge fail with a {@code
 * StaleVersionException}, storing nothing of it; run it again (e.g. with {@code crm.retrying}). Thread-safe.
 */
public final class Merges {

    private final UseCases useCases;
    private final List<MergeParticipant> participants = new CopyOnWriteArrayList<>();

    Merges(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * Adds a part of the application that keeps records of contacts or accounts besides crmkit's storage
     * (crm-workflow's dunning and sequences add their own when built), so that merges move its records too. A
     * participant replaces one of the same name added before.
     */
    public void register(MergeParticipant participant) {
        Require.notNull(participant, "participant");
        Require.notBlank(participant.name(), "participant.name");
        synchronized (participants) {
            participants.removeIf(other -> other.name().equals(participant.name()));
            participants.add(participant);
        }
    }

    /**
     * Merges the contacts into the survivor and returns the merge record. {@code RecordNotFoundException} for a
     * contact that does not exist or the actor may not see, {@code AccessDeniedException} for one it may not change
     * (a moved record included), {@code IllegalTransitionException} for a contact merged away before, {@code
     * InvalidValueException} when {@code merged} is empty, names a contact twice or names the survivor.
     */
    public MergeRecord mergeContacts(ContactId survivor, List<ContactId> merged, Survivorship rules) {
        Require.notNull(rules, "rules");
        return new MergeRun(useCases, participants).contacts(survivor, merged, rules);
    }

    /** Merges the accounts into the survivor, as {@link #mergeContacts} does for contacts. */
    public MergeRecord mergeAccounts(AccountId survivor, List<AccountId> merged, Survivorship rules) {
        Require.notNull(rules, "rules");
        return new MergeRun(useCases, participants).accounts(survivor, merged, rules);
    }

    /**
     * Merges the records of a duplicate scan's cluster into {@code survivor}, one of them: {@link #mergeContacts}
     * or {@link #mergeAccounts} with the cluster's other records.
     */
    public MergeRecord mergeCluster(DuplicateCluster cluster, RecordRef survivor, Survivorship rules) {
        Require.notNull(cluster, "cluster");
        Require.notNull(survivor, "survivor");
        if (!cluster.records().contains(survivor)) {
            throw InvalidValueException.invalid("survivor", survivor + " is not one of the cluster's records");
        }
        List<UUID> others = cluster.records().stream()
                .filter(record -> !record.equals(survivor))
                .map(RecordRef::id)
                .toList();
        return switch (survivor.type()) {
            case CONTACT ->
                mergeContacts(
                        ContactId.of(survivor.id()),
                        others.stream().map(ContactId::of).toList(),
                        rules);
            case ACCOUNT ->
                mergeAccounts(
                        AccountId.of(survivor.id()),
                        others.stream().map(AccountId::of).toList(),
                        rules);
            default -> throw InvalidValueException.invalid("survivor", "must be a contact or an account");
        };
    }

    /**
     * Undoes the merge: the merged records exist again under their ids, and the survivor and every moved record
     * (crmkit's and the participants') are as they were before it; one {@code MergeUndone} event. Refused with an
     * {@link UnmergeRefusedException}, changing nothing, while something newer depends on the merge: it was already
     * undone, a later merge in force involves its survivor (undo that one first), or a record the merge wrote was
     * deleted or changed since (its content differs from what the merge left in it), or a participant says one of
     * its records was. Returns the merge record, now undone.
     */
    public MergeRecord unmerge(MergeId merge) {
        Require.notNull(merge, "merge");
        return new Unmerge(useCases, participants).run(merge);
    }

    /** The merge record, in force or undone. */
    public Optional<MergeRecord> merge(MergeId id) {
        return useCases.storage.merges().findById(useCases.tenant(), Require.notNull(id, "id"));
    }

    /** Every merge with the contact or account as survivor or merged record, oldest first. */
    public List<MergeRecord> mergesOf(RecordRef record) {
        return useCases.storage.merges().findInvolving(useCases.tenant(), Require.notNull(record, "record"));
    }

    /**
     * The contact with the id, or, when that id was merged away, its survivor (following later merges), saying so.
     * {@code RecordNotFoundException} when neither exists or the actor may not see it.
     */
    public Resolved<Contact> contact(ContactId id) {
        Require.notNull(id, "id");
        return resolve(
                RecordRef.contact(id),
                survivor -> useCases.contacts().findById(useCases.tenant(), ContactId.of(survivor)));
    }

    /** The account with the id or its survivor, as {@link #contact}. */
    public Resolved<Account> account(AccountId id) {
        Require.notNull(id, "id");
        return resolve(
                RecordRef.account(id),
                survivor -> useCases.accounts().findById(useCases.tenant(), AccountId.of(survivor)));
    }

    /**
     * The contact with the external reference, redirected from the merged contact that brought the reference into
     * it when that is how the survivor got it; empty when none has it (or the actor may not see it).
     */
    public Optional<Resolved<Contact>> contactByExternalRef(ExternalRef ref) {
        Require.notNull(ref, "ref");
        return useCases.contacts()
                .findByExternalRef(useCases.tenant(), ref)
                .map(contact -> traced(contact, RecordType.CONTACT, MergeSources.contactHas(ref)));
    }

    /** The account with the external reference, as {@link #contactByExternalRef}. */
    public Optional<Resolved<Account>> accountByExternalRef(ExternalRef ref) {
        Require.notNull(ref, "ref");
        return useCases.accounts()
                .findByExternalRef(useCases.tenant(), ref)
                .map(account -> traced(account, RecordType.ACCOUNT, MergeSources.accountHas(ref)));
    }

    /**
     * The contacts with the e-mail address (compared normalised), by id; each redirected from the merged contact
     * that brought the address into it when that is how it got it.
     */
    public List<Resolved<Contact>> contactsByEmail(EmailAddress email) {
        Require.notNull(email, "email");
        List<Resolved<Contact>> found = new ArrayList<>();
        for (Contact contact : useCases.contacts().findByEmail(useCases.tenant(), email)) {
            found.add(traced(contact, RecordType.CONTACT, MergeSources.contactHasEmail(email)));
        }
        return found;
    }

    private <T> Resolved<T> resolve(RecordRef asked, Function<UUID, Optional<T>> find) {
        Optional<T> direct = find.apply(asked.id());
        if (direct.isPresent()) {
            return new Resolved<>(direct.get(), null, null);
        }
        RecordRef current = asked;
        MergeRecord last = null;
        Optional<MergeRecord> redirect;
        while ((redirect = useCases.storage.merges().findInForceMerging(useCases.tenant(), current)).isPresent()) {
            last = redirect.get();
            current = last.survivorRef();
        }
        MergeRecord via = last;
        if (via == null) {
            throw new RecordNotFoundException(typeName(asked.type()), asked.id());
        }
        T survivor = find.apply(current.id())
                .orElseThrow(() -> new RecordNotFoundException(typeName(asked.type()), asked.id()));
        return new Resolved<>(survivor, asked.id(), via.id());
    }

    private <A extends AggregateRoot<? extends EntityId>> Resolved<A> traced(
            A found, RecordType type, Predicate<AggregateState<?>> has) {
        return new MergeSources(useCases.storage.merges(), useCases.tenant())
                .source(new RecordRef(type, found.id().value()), has)
                .map(source -> new Resolved<>(found, source.record(), source.merge()))
                .orElseGet(() -> new Resolved<>(found, null, null));
    }

    /** The type's name in messages: {@code Contact}, {@code Account}. */
    static String typeName(RecordType type) {
        return type == RecordType.ACCOUNT ? "Account" : "Contact";
    }
}
