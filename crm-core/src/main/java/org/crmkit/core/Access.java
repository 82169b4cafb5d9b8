package org.crmkit.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.RecordShared;
import org.crmkit.core.access.RecordUnshared;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;

/**
 * Use cases of users, teams and territories, and the visibility question "may this user see that record?", for
 * the calling tenant. Changes run in one transaction with their events; a refused change stores nothing.
 * Thread-safe.
 */
public final class Access {

    private final UseCases useCases;

    Access(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Registers an active user; refuses an email another user of the tenant has (ignoring case). */
    public User registerUser(String name, EmailAddress email, Collection<Role> roles) {
        Require.notNull(email, "email");
        return useCases.write(() -> {
            if (useCases.storage.users().findByEmail(useCases.tenant(), email).isPresent()) {
                throw new DuplicateRecordException("User with email", email.normalized());
            }
            User user = User.register(useCases.tenant(), UserId.next(useCases.ids), name, email, roles, useCases.clock);
            return useCases.save(user, useCases.storage.users()::save);
        });
    }

    public User grantRole(UserId user, Role role) {
        return changeUser(user, u -> u.grantRole(role, useCases.clock));
    }

    public User revokeRole(UserId user, Role role) {
        return changeUser(user, u -> u.revokeRole(role, useCases.clock));
    }

    public User deactivateUser(UserId user) {
        return changeUser(user, u -> u.deactivate(useCases.clock));
    }

    public User reactivateUser(UserId user) {
        return changeUser(user, u -> u.reactivate(useCases.clock));
    }

    /** Creates a team led by an existing user, or without a lead when {@code lead} is null. */
    public Team createTeam(String name, UserId lead) {
        return useCases.write(() -> {
            if (lead != null) {
                user(lead);
            }
            Team team = Team.create(useCases.tenant(), TeamId.next(useCases.ids), name, lead, useCases.clock);
            return useCases.save(team, useCases.storage.teams()::save);
        });
    }

    public Team addTeamMember(TeamId team, UserId member) {
        Require.notNull(member, "user");
        return useCases.write(() -> {
            user(member);
            return changeTeam(team, t -> t.addMember(member, useCases.clock));
        });
    }

    public Team removeTeamMember(TeamId team, UserId member) {
        Require.notNull(member, "user");
        return changeTeam(team, t -> t.removeMember(member, useCases.clock));
    }

    /** Makes an existing user the team's lead, or leaves it without one when {@code lead} is null. */
    public Team changeTeamLead(TeamId team, UserId lead) {
        return useCases.write(() -> {
            if (lead != null) {
                user(lead);
            }
            return changeTeam(team, t -> t.changeLead(lead, useCases.clock));
        });
    }

    /** Defines a territory; lower {@code priority} wins when several territories match an account. */
    public Territory defineTerritory(String name, int priority, List<TerritoryRule> rules) {
        Territory territory = Territory.define(
                useCases.tenant(), TerritoryId.next(useCases.ids), name, priority, rules, useCases.clock);
        return useCases.save(territory, useCases.storage.territories()::save);
    }

    public Territory redefineTerritory(TerritoryId territory, String name, int priority, List<TerritoryRule> rules) {
        return changeTerritory(territory, t -> t.redefine(name, priority, rules, useCases.clock));
    }

    public Territory addTerritoryMember(TerritoryId territory, UserId member) {
        Require.notNull(member, "user");
        return useCases.write(() -> {
            user(member);
            return changeTerritory(territory, t -> t.addMember(member, useCases.clock));
        });
    }

    public Territory removeTerritoryMember(TerritoryId territory, UserId member) {
        Require.notNull(member, "user");
        return changeTerritory(territory, t -> t.removeMember(member, useCases.clock));
    }

    /**
     * Puts the account into the first territory, in priority order, that matches it (by its primary address and
     * industry) and returns that territory. When none matches, the account keeps its territory and the result is
     * empty.
     */
    public Optional<TerritoryId> assignTerritory(AccountId account) {
        Require.notNull(account, "accountId");
        return useCases.write(() -> {
            Account found = Reads.found(useCases.accounts().findById(useCases.tenant(), account), "Account", account);
            Optional<TerritoryId> best = useCases.storage.territories().findAllByPriority(useCases.tenant()).stream()
                    .filter(territory -> territory.matches(found))
                    .map(Territory::id)
                    .findFirst();
            best.ifPresent(territory -> {
                found.assignTerritory(territory, useCases.clock);
                useCases.save(found, useCases.accounts()::save);
            });
            return best;
        });
    }

    /**
     * The visibility of an existing user, built from its teams, the teams down its manager hierarchy and its
     * territories.
     */
    public Visibility visibilityOf(UserId viewer) {
        return useCases.sharing.visibilityOf(user(viewer));
    }

    /** The sharing model the {@code Crm} was built with. */
    public SharingModel sharingModel() {
        return useCases.sharing.model();
    }

    /**
     * Shares a contact, account, lead or opportunity with a user, or changes the access of its share, and records a
     * {@code RecordShared} event naming the acting user. The acting user must see the record ({@code
     * RecordNotFoundException} otherwise) and may change it ({@code AccessDeniedException} otherwise); the user must
     * exist.
     */
    public RecordShare shareWithUser(RecordRef record, UserId user, ShareAccess access) {
        Require.notNull(user, "user");
        return share(record, () -> user(user).id().value(), access);
    }

    /** Shares the record with a team (its members and its lead), as {@link #shareWithUser} does with a user. */
    public RecordShare shareWithTeam(RecordRef record, TeamId team, ShareAccess access) {
        Require.notNull(team, "team");
        return share(record, () -> team(team).id().value(), access);
    }

    /**
     * Ends the share of the record with the user or team whose id is {@code grantee} and records a {@code
     * RecordUnshared} event; false when there was none (and nothing is recorded).
     * The acting user must see and may change the record, as for {@link #shareWithUser}.
     */
    public boolean unshare(RecordRef record, UUID grantee) {
        Require.notNull(record, "record");
        Require.notNull(grantee, "grantee");
        return useCases.write(() -> {
            useCases.sharing.requireChangeable(record);
            boolean ended = useCases.storage.shares().delete(useCases.tenant(), record, grantee);
            if (ended) {
                useCases.storage
                        .outbox()
                        .append(List.of(new RecordUnshared(
                                useCases.tenant(),
                                record.id(),
                                useCases.clock.instant(),
                                record,
                                grantee,
                                useCases.actor().id())));
            }
            return ended;
        });
    }

    /** The shares of a record the acting user sees ({@code RecordNotFoundException} otherwise), by grantee id. */
    public List<RecordShare> sharesOf(RecordRef record) {
        Require.notNull(record, "record");
        return useCases.write(() -> {
            useCases.sharing.requireVisible(record);
            return useCases.storage.shares().findByRecord(useCases.tenant(), record);
        });
    }

    private RecordShare share(RecordRef record, Supplier<UUID> grantee, ShareAccess access) {
        Require.notNull(record, "record");
        Require.notNull(access, "access");
        return useCases.write(() -> {
            useCases.sharing.requireChangeable(record);
            RecordShare share =
                    useCases.storage.shares().save(new RecordShare(useCases.tenant(), record, grantee.get(), access));
            useCases.storage
                    .outbox()
                    .append(List.of(new RecordShared(
                            share.tenant(),
                            record.id(),
                            useCases.clock.instant(),
                            record,
                            share.grantee(),
                            access,
                            useCases.actor().id())));
            return share;
        });
    }

    /**
     * Whether the user may see a record with the given owner and territory (null: none); see {@link Visibility}.
     * Refuses an unknown viewer with a {@code RecordNotFoundException}.
     */
    public boolean canSee(UserId viewer, UserId recordOwner, TerritoryId territory) {
        Require.notNull(recordOwner, "owner");
        return visibilityOf(viewer).canSee(recordOwner, territory);
    }

    public User user(UserId user) {
        Require.notNull(user, "userId");
        return Reads.found(useCases.storage.users().findById(useCases.tenant(), user), "User", user);
    }

    /** The user, or empty when there is none with the id. */
    public Optional<User> findUser(UserId user) {
        return useCases.storage.users().findById(useCases.tenant(), Require.notNull(user, "userId"));
    }

    public Optional<User> userByEmail(EmailAddress email) {
        return useCases.storage.users().findByEmail(useCases.tenant(), Require.notNull(email, "email"));
    }

    /** All users, by name. */
    public Page<User> users(PageRequest page) {
        return useCases.storage.users().findAll(useCases.tenant(), Require.notNull(page, "page"));
    }

    public Team team(TeamId team) {
        Require.notNull(team, "teamId");
        return Reads.found(useCases.storage.teams().findById(useCases.tenant(), team), "Team", team);
    }

    /** The teams the user is a member or the lead of, by name. */
    public List<Team> teamsOf(UserId user) {
        return useCases.storage.teams().findByMember(useCases.tenant(), Require.notNull(user, "userId"));
    }

    public Territory territory(TerritoryId territory) {
        Require.notNull(territory, "territoryId");
        return Reads.found(
                useCases.storage.territories().findById(useCases.tenant(), territory), "Territory", territory);
    }

    /** Every territory in priority order. */
    public List<Territory> territories() {
        return useCases.storage.territories().findAllByPriority(useCases.tenant());
    }

    private User changeUser(UserId id, Consumer<User> change) {
        return useCases.write(() -> {
            User user = user(id);
            change.accept(user);
            return useCases.save(user, useCases.storage.users()::save);
        });
    }

    private Team changeTeam(TeamId id, Consumer<Team> change) {
        return useCases.write(() -> {
            Team team = team(id);
            change.accept(team);
            return useCases.save(team, useCases.storage.teams()::save);
        });
    }

    private Territory changeTerritory(TerritoryId id, Consumer<Territory> change) {
        return useCases.write(() -> {
            Territory territory = territory(id);
            change.accept(territory);
            return useCases.save(territory, useCases.storage.territories()::save);
        });
    }
}
