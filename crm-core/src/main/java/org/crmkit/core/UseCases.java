package org.crmkit.core;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.crmkit.core.access.FieldSecurity;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TenantMismatchException;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.core.spi.ActorResolver;
import org.crmkit.core.spi.CampaignMemberRepository;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.CreditNoteRepository;
import org.crmkit.core.spi.ForecastSnapshotRepository;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.core.spi.PaymentRepository;
import org.crmkit.core.spi.PipelineRepository;
import org.crmkit.core.spi.QuotaRepository;
import org.crmkit.core.spi.SegmentRepository;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TaskRepository;
import org.crmkit.core.spi.TenantResolver;

/**
 * What every use-case service needs: storage, the clock, id generation, the calling tenant and actor, and the
 * rule that a change and its events commit together and the events are relayed after the commit.
 */
final class UseCases {

    final Storage storage;
    final Clock clock;
    final IdGenerator ids;
    final References references = new References(this);
    final AuditRecorder audit;
    private final TenantResolver tenants;
    private final ActorResolver actors;
    private final EventRelay relay;
    final RecordAccess sharing;
    final FieldGuard fields;
    private final ThreadLocal<Integer> writeDepth = ThreadLocal.withInitial(() -> 0);
    private final ThreadLocal<ContactBatch> contactBatch = new ThreadLocal<>();

    UseCases(
            Storage storage,
            Clock clock,
            TenantResolver tenants,
            ActorResolver actors,
            EventRelay relay,
            SharingModel sharingModel,
            FieldSecurity fieldSecurity,
            AuditRecorder audit) {
        this.storage = storage;
        this.sharing = new RecordAccess(this, sharingModel);
        this.fields = new FieldGuard(this, fieldSecurity);
        this.audit = audit;
        this.clock = clock;
        this.ids = new IdGenerator(clock);
        this.tenants = tenants;
        this.actors = actors;
        this.relay = relay;
    }

    TenantId tenant() {
        return tenants.currentTenant();
    }

    Actor actor() {
        return actors.currentActor();
    }

    /**
     * The crmkit user the actor is (its id is the id of a user of the tenant), if any; empty for the system actor
     * and for an id of the host's own.
     */
    Optional<User> actingUser() {
        return actingUserId().flatMap(id -> storage.users().findById(tenant(), id));
    }

    /** The acting user with its teams and territories read together, as {@link #actingUser()}. */
    Optional<UserAccess> actingUserAccess() {
        return actingUserId().flatMap(id -> storage.userAccess(tenant(), id));
    }

    private Optional<UserId> actingUserId() {
        Actor actor = actor();
        if (actor.equals(Actor.SYSTEM)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserId.parse(actor.id()));
        } catch (InvalidValueException notAUserId) {
            return Optional.empty();
        }
    }

    /**
     * The contacts as the acting user may read them: only those it may see (see {@link RecordAccess}), without the
     * fields it may not read (see {@link FieldGuard}).
     */
    ContactRepository contacts() {
        ContactBatch batch = contactBatch.get();
        if (batch != null) {
            return batch;
        }
        ContactRepository visible = visible(RecordType.CONTACT, storage.contacts(), ContactRepository::visibleTo);
        return fields.contactMask()
                .<ContactRepository>map(mask -> new MaskedContacts(visible, mask))
                .orElse(visible);
    }

    /** The accounts as the acting user may read them, as {@link #contacts()}. */
    AccountRepository accounts() {
        AccountRepository visible = visible(RecordType.ACCOUNT, storage.accounts(), AccountRepository::visibleTo);
        return fields.accountMask()
                .<AccountRepository>map(mask -> new MaskedAccounts(visible, mask))
                .orElse(visible);
    }

    /** The leads as the acting user may read them. */
    LeadRepository leads() {
        return visible(RecordType.LEAD, storage.leads(), LeadRepository::visibleTo);
    }

    /** The opportunities as the acting user may read them. */
    OpportunityRepository opportunities() {
        return visible(RecordType.OPPORTUNITY, storage.opportunities(), OpportunityRepository::visibleTo);
    }

    /** The activities as the acting user may read them: with the contacts, accounts, leads and deals they concern. */
    ActivityRepository activities() {
        return visible(RecordType.ACTIVITY, storage.activities(), ActivityRepository::visibleTo);
    }

    /** The tasks as the acting user may read them: its team's and those linked to records it may see. */
    TaskRepository tasks() {
        return visible(RecordType.TASK, storage.tasks(), TaskRepository::visibleTo);
    }

    /** The service cases as the acting user may read them: its team's and those of contacts or accounts it sees. */
    CaseRepository cases() {
        return visible(RecordType.CASE, storage.cases(), CaseRepository::visibleTo);
    }

    /** The invoices as the acting user may read them: those of the accounts it may see. */
    InvoiceRepository invoices() {
        return visible(RecordType.INVOICE, storage.invoices(), InvoiceRepository::visibleTo);
    }

    /** The payments as the acting user may read them: those of the accounts it may see. */
    PaymentRepository payments() {
        return visible(RecordType.PAYMENT, storage.payments(), PaymentRepository::visibleTo);
    }

    /** The credit notes as the acting user may read them: those of the accounts it may see, as invoices. */
    CreditNoteRepository creditNotes() {
        return visible(RecordType.INVOICE, storage.creditNotes(), CreditNoteRepository::visibleTo);
    }

    /** The pipelines as the acting user may read them: its own, its team's and those shared with it. */
    PipelineRepository pipelines() {
        return visible(RecordType.PIPELINE, storage.pipelines(), PipelineRepository::visibleTo);
    }

    /** The segment definitions as the acting user may read them, as pipelines. */
    SegmentRepository segments() {
        return visible(RecordType.SEGMENT, storage.segments(), SegmentRepository::visibleTo);
    }

    /** The campaigns as the acting user may read them: its own, its team's and those shared with it. */
    CampaignRepository campaigns() {
        return visible(RecordType.CAMPAIGN, storage.campaigns(), CampaignRepository::visibleTo);
    }

    /** The campaign members as the acting user may read them: of campaigns it reads, being contacts or leads it sees. */
    CampaignMemberRepository campaignMembers() {
        CampaignMemberRepository all = storage.campaignMembers();
        return sharing.readRestriction(ChildRecords.CAMPAIGN_MEMBER_PARENTS)
                .map(all::visibleTo)
                .orElse(all);
    }

    /** The quotas as the acting user may read them: its own, its teams' and those of the users and teams below it. */
    QuotaRepository quotas() {
        return visible(RecordType.QUOTA, storage.quotas(), QuotaRepository::visibleTo);
    }

    /** The forecast snapshots as the acting user may read them: of the scopes whose figures it reads, as quotas. */
    ForecastSnapshotRepository forecastSnapshots() {
        return visible(
                RecordType.FORECAST_SNAPSHOT, storage.forecastSnapshots(), ForecastSnapshotRepository::visibleTo);
    }

    /** The repository as the acting user may read the type: its view when the sharing model restricts the user. */
    private <R> R visible(RecordType type, R all, BiFunction<R, Visibility, R> view) {
        return sharing.readRestriction(type)
                .map(visibility -> view.apply(all, visibility))
                .orElse(all);
    }

    /**
     * Runs a change in one transaction (joining an active one) and relays its events once it has committed. Only
     * the outermost call of a thread registers the relay, so nested use cases relay once, and it registers it once
     * per transaction ({@code Transactions.afterCommitOnce}), so that many use cases called in one transaction that
     * is not itself a use case (a workflow's) relay once too.
     */
    <T> T write(Supplier<T> work) {
        return storage.transactions().inTransaction(() -> {
            int depth = writeDepth.get();
            if (depth == 0) {
                storage.transactions().afterCommitOnce(relay, relay::publishAfterCommit);
            }
            writeDepth.set(depth + 1);
            try {
                return work.get();
            } finally {
                writeDepth.set(depth);
            }
        });
    }

    /** {@link Crm#retrying(int, Supplier)}: runs the change in fresh transactions until it does not conflict. */
    <T> T retrying(int maxAttempts, Supplier<T> change) {
        Require.positive(maxAttempts, "maxAttempts");
        Require.notNull(change, "change");
        if (storage.transactions().isActive()) {
            throw new IllegalTransitionException("crm.retrying runs each attempt in a fresh transaction and cannot run"
                    + " inside the transaction already active on this thread");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return write(change);
            } catch (StaleVersionException | TransactionConflictException conflict) {
                if (attempt == maxAttempts) {
                    throw conflict;
                }
            }
        }
    }

    /**
     * Runs {@code work} in one transaction (joining an active one) with the contacts of the batch that
     * {@code open} reads from the acting user's contacts: {@link #contacts()} answers with it and the events of saves
     * are appended with its saves, when {@code work} has returned (see {@link ContactBatch}). Inside a batch,
     * {@code work} just runs.
     */
    <T> T inContactBatch(Function<ContactRepository, ContactBatch> open, Supplier<T> work) {
        return write(() -> {
            if (contactBatch.get() != null) {
                return work.get();
            }
            ContactBatch batch = open.apply(contacts());
            contactBatch.set(batch);
            try {
                T result = work.get();
                batch.flush();
                return result;
            } finally {
                contactBatch.remove();
            }
        });
    }

    /**
     * Saves an aggregate through the given repository method and appends the events it recorded to the outbox,
     * in the current transaction (in a contact batch: with the batch's saves). Returns the stored copy (with its new
     * version).
     */
    <A extends AggregateRoot<?>> A save(A aggregate, UnaryOperator<A> repositorySave) {
        return write(() -> {
            ContactBatch batch = contactBatch.get();
            if (batch != null) {
                batch.beforeSaving(aggregate);
            }
            requireOwnTenant(aggregate);
            sharing.requireChangeable(aggregate);
            A toSave = fields.keptHidden(aggregate);
            fields.requireEditable(toSave);
            audit.beforeSave(this, List.of(toSave));
            A saved = repositorySave.apply(toSave);
            if (batch != null) {
                batch.append(aggregate.pendingEvents());
            } else {
                storage.outbox().append(aggregate.pendingEvents());
            }
            return saved;
        });
    }

    /**
     * Saves several aggregates through the given repository method, in one go, and appends the events they
     * recorded to the outbox, in the current transaction. Returns the stored copies in order.
     */
    <A extends AggregateRoot<?>> List<A> saveAll(List<A> aggregates, UnaryOperator<List<A>> repositorySaveAll) {
        return write(() -> {
            ContactBatch batch = contactBatch.get();
            if (batch != null) {
                batch.flush();
            }
            aggregates.forEach(this::requireOwnTenant);
            aggregates.forEach(sharing::requireChangeable);
            List<A> toSave = aggregates.stream().map(fields::keptHidden).toList();
            toSave.forEach(fields::requireEditable);
            audit.beforeSave(this, toSave);
            List<A> saved = repositorySaveAll.apply(toSave);
            storage.outbox()
                    .append(aggregates.stream()
                            .flatMap(aggregate -> aggregate.pendingEvents().stream())
                            .toList());
            return saved;
        });
    }

    /**
     * Creates a record or changes the stored one, as an upsert by external reference does: {@code stored} finds the
     * record with the reference, {@code created} makes the new one (with the reference) when there is none, and
     * {@code changes} changes a found record and names the changed fields (none: nothing is saved). When it runs in
     * a transaction of its own and the save is refused as a duplicate (a concurrent upsert stored the reference
     * first), it runs once more in a new transaction, where it finds that record; inside the caller's transaction
     * the refusal reaches the caller, whose transaction is spoiled by it.
     */
    <A extends AggregateRoot<?>> Upserted<A> upsert(
            Supplier<Optional<A>> stored,
            Supplier<A> created,
            Function<A, List<String>> changes,
            UnaryOperator<A> repositorySave) {
        Supplier<Upserted<A>> once = () -> write(() -> {
            Optional<A> found = stored.get();
            if (found.isEmpty()) {
                return Upserted.created(save(created.get(), repositorySave));
            }
            List<String> changed = changes.apply(found.get());
            return changed.isEmpty()
                    ? Upserted.unchanged(found.get())
                    : Upserted.updated(save(found.get(), repositorySave), changed);
        });
        if (storage.transactions().isActive()) {
            return once.get();
        }
        try {
            return once.get();
        } catch (DuplicateRecordException concurrentlyCreated) {
            return once.get();
        }
    }

    void requireOwnTenant(AggregateRoot<?> aggregate) {
        TenantId tenant = tenant();
        if (!aggregate.tenant().equals(tenant)) {
            throw new TenantMismatchException(tenant, aggregate.tenant());
        }
    }
}
