package org.crmkit.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.spi.Storage;

/**
 * The sharing model applied to the acting user: which visibility filters its reads of a record type (none for the
 * system actor, an administrator, or a type whose default lets everyone read), and whether it may change a stored
 * record. An actor other than {@link Actor#SYSTEM} is a crmkit user whose id is its {@code Actor.id}; one that is
 * not is refused as soon as the model restricts it.
 */
final class RecordAccess {

    /** What the sharing rules read of an owned record. */
    private record Owned(RecordRef ref, UserId owner, TerritoryId territory) {}

    private final UseCases useCases;
    private final SharingModel model;

    RecordAccess(UseCases useCases, SharingModel model) {
        this.useCases = useCases;
        this.model = model;
    }

    SharingModel model() {
        return model;
    }

    /**
     * The visibility that must filter the actor's reads of the type, or empty when it reads every record. A type
     * that hangs off others (see {@link ChildRecords}) is restricted when one of those is private; the visibility
     * then reads every record of the others ({@link Visibility#readingEvery}).
     */
    Optional<Visibility> readRestriction(RecordType type) {
        return readRestriction(ChildRecords.followedBy(type));
    }

    /**
     * The visibility that must filter the actor's reads of records that follow the given types (a campaign member
     * its campaign and its contact or lead), or empty when it reads every one of them, as {@link
     * #readRestriction(RecordType)}.
     */
    Optional<Visibility> readRestriction(Set<RecordType> followed) {
        List<RecordType> readByAll = followed.stream()
                .filter(parent -> model.defaultAccess(parent) != DefaultAccess.PRIVATE)
                .toList();
        if (readByAll.size() == followed.size()) {
            return Optional.empty();
        }
        return actorVisibility().map(visibility -> visibility.readingEvery(readByAll));
    }

    /**
     * Refuses, with an {@link AccessDeniedException} naming the record and the actor, a change of a stored owned
     * record that the actor may not change, a quota it may not set and a forecast snapshot it may not take; other
     * new records (version 0) and other records pass.
     */
    void requireChangeable(AggregateRoot<?> changed) {
        if (changed instanceof Quota quota) {
            requireSettable(quota);
            return;
        }
        if (changed instanceof ForecastSnapshot snapshot) {
            requireReadableScope(snapshot);
            return;
        }
        if (changed.version() == 0) {
            return;
        }
        Optional<ChildRecords.Child> child = ChildRecords.of(changed);
        if (child.isPresent()) {
            requireChangeable(child.get());
            return;
        }
        Optional<Owned> stored = stored(changed);
        if (stored.isEmpty() || model.defaultAccess(stored.get().ref().type()) == DefaultAccess.READ_WRITE) {
            return;
        }
        Optional<Visibility> restriction = actorVisibility();
        if (restriction.isPresent() && !mayChange(restriction.get(), stored.get())) {
            throw new AccessDeniedException("user " + useCases.actor().id() + " may not change "
                    + stored.get().ref().type() + " " + stored.get().ref().id());
        }
    }

    /**
     * Refuses a quota, new or stored, that the actor may not set: the holder's, or of a user or team not below it in
     * the manager hierarchy (see {@link Visibility#setsQuotaOf}), unless everyone may by the default.
     */
    private void requireSettable(Quota quota) {
        if (model.defaultAccess(RecordType.QUOTA) == DefaultAccess.READ_WRITE) {
            return;
        }
        QuotaHolder holder = quota.holder();
        Optional<Visibility> restriction = actorVisibility();
        if (restriction.isPresent() && !restriction.get().setsQuotaOf(holder.user(), holder.team())) {
            throw new AccessDeniedException("user " + useCases.actor().id() + " may not set the quota of "
                    + (holder.user() != null ? "user " + holder.user() : "team " + holder.team()) + " ("
                    + RecordType.QUOTA + " " + quota.id() + ")");
        }
    }

    /** Refuses a forecast snapshot of a scope whose figures the actor may not read, unless everyone may. */
    private void requireReadableScope(ForecastSnapshot snapshot) {
        if (model.defaultAccess(RecordType.FORECAST_SNAPSHOT) == DefaultAccess.READ_WRITE) {
            return;
        }
        ForecastScope scope = snapshot.forecast().scope();
        Optional<Visibility> restriction = actorVisibility();
        if (restriction.isPresent() && !restriction.get().readsFiguresOf(scope.owner(), scope.team())) {
            throw new AccessDeniedException("user " + useCases.actor().id()
                    + " may not take a forecast snapshot of " + describe(scope) + " ("
                    + RecordType.FORECAST_SNAPSHOT + " " + snapshot.id() + ")");
        }
    }

    private static String describe(ForecastScope scope) {
        if (scope.owner() != null) {
            return "user " + scope.owner();
        }
        return scope.team() != null ? "team " + scope.team() : "the whole tenant";
    }

    /**
     * Refuses a change of a child record that the actor may not change: it may when it is its assignee's (as an
     * owner's), or it may change one of the records it hangs off (or everyone may, by the default). The parents
     * are read as the change names them, which the use cases loaded through the actor's view.
     */
    private void requireChangeable(ChildRecords.Child child) {
        Set<RecordType> followed = ChildRecords.followedBy(child.type());
        if (followed.stream().allMatch(type -> model.defaultAccess(type) == DefaultAccess.READ_WRITE)) {
            return;
        }
        Optional<Visibility> restriction = actorVisibility();
        if (restriction.isEmpty()) {
            return;
        }
        Visibility visibility = restriction.get();
        if (child.assignee() != null && visibility.owners().contains(child.assignee())) {
            return;
        }
        for (RecordRef parent : child.parents()) {
            if (model.defaultAccess(parent.type()) == DefaultAccess.READ_WRITE) {
                return;
            }
            Optional<Owned> owned = stored(parent);
            if (owned.isPresent() && mayChange(visibility, owned.get())) {
                return;
            }
        }
        throw new AccessDeniedException(
                "user " + useCases.actor().id() + " may not change " + child.type() + " " + child.id());
    }

    /**
     * The owned record as the actor may read it, refused with a {@code RecordNotFoundException} when it does not
     * exist or the actor may not see it, and with an {@link AccessDeniedException} when the actor may not change it.
     */
    void requireChangeable(RecordRef record) {
        requireChangeable(requireVisible(record));
    }

    /**
     * The record (of a type the sharing model governs, or one hanging off those) as the actor may read it; a {@code
     * RecordNotFoundException} when it may not see it.
     */
    AggregateRoot<?> requireVisible(RecordRef record) {
        UUID id = record.id();
        TenantId tenant = useCases.tenant();
        return switch (record.type()) {
            case CONTACT -> Reads.found(useCases.contacts().findById(tenant, ContactId.of(id)), "Contact", id);
            case ACCOUNT -> Reads.found(useCases.accounts().findById(tenant, AccountId.of(id)), "Account", id);
            case LEAD -> Reads.found(useCases.leads().findById(tenant, LeadId.of(id)), "Lead", id);
            case OPPORTUNITY ->
                Reads.found(useCases.opportunities().findById(tenant, OpportunityId.of(id)), "Opportunity", id);
            case ACTIVITY -> Reads.found(useCases.activities().findById(tenant, ActivityId.of(id)), "Activity", id);
            case TASK -> Reads.found(useCases.tasks().findById(tenant, TaskId.of(id)), "Task", id);
            case CASE -> Reads.found(useCases.cases().findById(tenant, CaseId.of(id)), "ServiceCase", id);
            case INVOICE -> Reads.found(useCases.invoices().findById(tenant, InvoiceId.of(id)), "Invoice", id);
            case PAYMENT -> Reads.found(useCases.payments().findById(tenant, PaymentId.of(id)), "Payment", id);
            case PIPELINE -> Reads.found(useCases.pipelines().findById(tenant, PipelineId.of(id)), "Pipeline", id);
            case SEGMENT -> Reads.found(useCases.segments().findById(tenant, SegmentId.of(id)), "Segment", id);
            case CAMPAIGN -> Reads.found(useCases.campaigns().findById(tenant, CampaignId.of(id)), "Campaign", id);
            case QUOTA -> Reads.found(useCases.quotas().findById(tenant, QuotaId.of(id)), "Quota", id);
            case FORECAST_SNAPSHOT ->
                Reads.found(
                        useCases.forecastSnapshots().findById(tenant, ForecastSnapshotId.of(id)),
                        "ForecastSnapshot",
                        id);
            default ->
                throw InvalidValueException.invalid(
                        "record", record.type() + " records are not restricted one by one by the sharing model");
        };
    }

    /**
     * Refuses, with a {@code RecordNotFoundException}, a reference to a record that the actor may not see, when the
     * sharing model restricts the actor's reads of its type; other references pass (also of records that do not
     * exist, e.g. a deleted activity whose audit trail is read).
     */
    void requireVisibleWhenRestricted(RecordRef record) {
        if (readRestriction(record.type()).isPresent()) {
            requireVisible(record);
        }
    }

    /** The visibility of a user: its teams, the teams down its manager hierarchy, and its territories. */
    Visibility visibilityOf(User user) {
        TenantId tenant = useCases.tenant();
        return visibilityOf(new UserAccess(
                user,
                useCases.storage.teams().findByMember(tenant, user.id()),
                useCases.storage.territories().findByMember(tenant, user.id())));
    }

    /**
     * The visibility of a user read with its teams and territories: the teams it leads take the reads down its
     * manager hierarchy, one read per member of a team led on the way (none for a user who leads no team).
     */
    private Visibility visibilityOf(UserAccess access) {
        TenantId tenant = useCases.tenant();
        UserId id = access.user().id();
        Map<UUID, Team> teams = new LinkedHashMap<>();
        Set<UserId> visited = new HashSet<>(Set.of(id));
        Deque<UserId> leads = new ArrayDeque<>();
        for (Team team : access.teams()) {
            teams.putIfAbsent(team.id().value(), team);
            if (team.isLedBy(id)) {
                leads.addAll(team.members());
            }
        }
        while (!leads.isEmpty()) {
            UserId lead = leads.pop();
            if (visited.add(lead)) {
                for (Team team : useCases.storage.teams().findByMember(tenant, lead)) {
                    teams.putIfAbsent(team.id().value(), team);
                    if (team.isLedBy(lead)) {
                        leads.addAll(team.members());
                    }
                }
            }
        }
        return Visibility.of(access.user(), teams.values(), access.territories());
    }

    private Optional<Visibility> actorVisibility() {
        Actor actor = useCases.actor();
        if (actor.equals(Actor.SYSTEM)) {
            return Optional.empty();
        }
        Visibility visibility = visibilityOf(useCases.actingUserAccess()
                .orElseThrow(() -> new AccessDeniedException("actor " + actor.id()
                        + " is not a user of the tenant, and the sharing model restricts who reads and changes"
                        + " records")));
        return visibility.seesEverything() ? Optional.empty() : Optional.of(visibility);
    }

    private boolean mayChange(Visibility visibility, Owned record) {
        if ((record.owner() != null && visibility.owners().contains(record.owner()))
                || (record.territory() != null && visibility.territories().contains(record.territory()))) {
            return true;
        }
        return useCases.storage.shares().findByRecord(useCases.tenant(), record.ref()).stream()
                .filter(share -> share.access() == ShareAccess.READ_WRITE)
                .map(RecordShare::grantee)
                .anyMatch(visibility.grantees()::contains);
    }

    /** The owner and territory of the referenced owned record as stored; empty when there is none. */
    private Optional<Owned> stored(RecordRef record) {
        Storage storage = useCases.storage;
        TenantId tenant = useCases.tenant();
        UUID id = record.id();
        return switch (record.type()) {
            case CONTACT ->
                storage.contacts()
                        .findById(tenant, ContactId.of(id))
                        .map(c -> new Owned(record, c.owner(), c.territory().orElse(null)));
            case ACCOUNT ->
                storage.accounts()
                        .findById(tenant, AccountId.of(id))
                        .map(a -> new Owned(record, a.owner(), a.territory().orElse(null)));
            case LEAD -> storage.leads().findById(tenant, LeadId.of(id)).map(l -> new Owned(record, l.owner(), null));
            case OPPORTUNITY ->
                storage.opportunities()
                        .findById(tenant, OpportunityId.of(id))
                        .map(o -> new Owned(record, o.owner(), null));
            case PIPELINE ->
                storage.pipelines().findById(tenant, PipelineId.of(id)).map(p -> new Owned(record, p.owner(), null));
            case SEGMENT ->
                storage.segments().findById(tenant, SegmentId.of(id)).map(s -> new Owned(record, s.owner(), null));
            case CAMPAIGN ->
                storage.campaigns().findById(tenant, CampaignId.of(id)).map(c -> new Owned(record, c.owner(), null));
            default -> Optional.empty();
        };
    }

    /** The owner and territory of the record as stored, for the record types the sharing model governs. */
    private Optional<Owned> stored(AggregateRoot<?> changed) {
        if (changed instanceof Contact contact) {
            return stored(RecordRef.contact(contact.id()));
        }
        if (changed instanceof Account account) {
            return stored(RecordRef.account(account.id()));
        }
        if (changed instanceof Lead lead) {
            return stored(RecordRef.lead(lead.id()));
        }
        if (changed instanceof Opportunity deal) {
            return stored(RecordRef.opportunity(deal.id()));
        }
        if (changed instanceof Pipeline pipeline) {
            return stored(RecordRef.of(RecordType.PIPELINE, pipeline.id()));
        }
        if (changed instanceof Segment segment) {
            return stored(RecordRef.of(RecordType.SEGMENT, segment.id()));
        }
        if (changed instanceof Campaign campaign) {
            return stored(RecordRef.of(RecordType.CAMPAIGN, campaign.id()));
        }
        return Optional.empty();
    }
}
