package org.crmkit.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;
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

    /** The visibility that must filter the actor's reads of the type, or empty when it reads every record. */
    Optional<Visibility> readRestriction(RecordType type) {
        if (model.defaultAccess(type) != DefaultAccess.PRIVATE) {
            return Optional.empty();
        }
        return actorVisibility();
    }

    /**
     * Refuses, with an {@link AccessDeniedException} naming the record and the actor, a change of a stored owned
     * record that the actor may not change; a new record (version 0) and other records pass.
     */
    void requireChangeable(AggregateRoot<?> changed) {
        if (changed.version() == 0) {
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
     * The owned record as the actor may read it, refused with a {@code RecordNotFoundException} when it does not
     * exist or the actor may not see it, and with an {@link AccessDeniedException} when the actor may not change it.
     */
    void requireChangeable(RecordRef record) {
        requireChangeable(requireVisible(record));
    }

    /** The owned record as the actor may read it; a {@code RecordNotFoundException} when it may not see it. */
    AggregateRoot<?> requireVisible(RecordRef record) {
        UUID id = record.id();
        TenantId tenant = useCases.tenant();
        return switch (record.type()) {
            case CONTACT -> UseCases.found(useCases.contacts().findById(tenant, ContactId.of(id)), "Contact", id);
            case ACCOUNT -> UseCases.found(useCases.accounts().findById(tenant, AccountId.of(id)), "Account", id);
            case LEAD -> UseCases.found(useCases.leads().findById(tenant, LeadId.of(id)), "Lead", id);
            case OPPORTUNITY ->
                UseCases.found(useCases.opportunities().findById(tenant, OpportunityId.of(id)), "Opportunity", id);
            default ->
                throw InvalidValueException.invalid("record", record.type() + " is not governed by the sharing model");
        };
    }

    /** The visibility of a user: its teams, the teams down its manager hierarchy, and its territories. */
    Visibility visibilityOf(User user) {
        TenantId tenant = useCases.tenant();
        Map<UUID, Team> teams = new LinkedHashMap<>();
        Set<UserId> visited = new HashSet<>();
        Deque<UserId> leads = new ArrayDeque<>();
        leads.add(user.id());
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
        return Visibility.of(
                user, teams.values(), useCases.storage.territories().findByMember(tenant, user.id()));
    }

    private Optional<Visibility> actorVisibility() {
        Actor actor = useCases.actor();
        if (actor.equals(Actor.SYSTEM)) {
            return Optional.empty();
        }
        Visibility visibility = visibilityOf(user(actor));
        return visibility.seesEverything() ? Optional.empty() : Optional.of(visibility);
    }

    private User user(Actor actor) {
        return useCases.actingUser()
                .orElseThrow(() -> new AccessDeniedException("actor " + actor.id()
                        + " is not a user of the tenant, and the sharing model restricts who reads and changes"
                        + " records"));
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

    /** The owner and territory of the record as stored, for the record types the sharing model governs. */
    private Optional<Owned> stored(AggregateRoot<?> changed) {
        Storage storage = useCases.storage;
        TenantId tenant = changed.tenant();
        if (changed instanceof Contact contact) {
            return storage.contacts()
                    .findById(tenant, contact.id())
                    .map(c -> new Owned(
                            RecordRef.contact(c.id()), c.owner(), c.territory().orElse(null)));
        }
        if (changed instanceof Account account) {
            return storage.accounts()
                    .findById(tenant, account.id())
                    .map(a -> new Owned(
                            RecordRef.account(a.id()), a.owner(), a.territory().orElse(null)));
        }
        if (changed instanceof Lead lead) {
            return storage.leads()
                    .findById(tenant, lead.id())
                    .map(l -> new Owned(RecordRef.lead(l.id()), l.owner(), null));
        }
        if (changed instanceof Opportunity deal) {
            return storage.opportunities()
                    .findById(tenant, deal.id())
                    .map(o -> new Owned(RecordRef.opportunity(o.id()), o.owner(), null));
        }
        return Optional.empty();
    }
}
