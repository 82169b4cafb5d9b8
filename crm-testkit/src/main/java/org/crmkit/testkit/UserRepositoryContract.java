package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.access.UserState;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.UserRepository;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} must do. Extend it and supply the storage. */
public abstract class UserRepositoryContract extends StorageContract {

    private UserRepository users() {
        return storage.users();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private User save(User user) {
        return inTransaction(() -> users().save(user));
    }

    @Test
    void aSavedUserComesBackWithEveryField() {
        User user = AccessMother.aUser(TENANT_A, ids, clock, "ann");
        user.deactivate(clock);

        assertThat(save(user).version()).isEqualTo(1);
        assertThat(users().findById(TENANT_A, user.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(user.state().withVersion(1)));
    }

    @Test
    void aUserIsReadWithItsTeamsAndTerritoriesTogether() {
        User ann = save(AccessMother.aUser(TENANT_A, ids, clock, "ann"));
        UserId bob = save(AccessMother.aUser(TENANT_A, ids, clock, "bob")).id();
        Team led = inTransaction(
                () -> storage.teams().save(AccessMother.aTeam(TENANT_A, ids, clock, "Led", ann.id(), bob)));
        Team member = inTransaction(
                () -> storage.teams().save(AccessMother.aTeam(TENANT_A, ids, clock, "Member", bob, ann.id())));
        inTransaction(() -> storage.teams().save(AccessMother.aTeam(TENANT_A, ids, clock, "Other", bob)));
        Territory north = inTransaction(() ->
                storage.territories().save(AccessMother.aTerritory(TENANT_A, ids, clock, "North", 1, ann.id(), bob)));
        inTransaction(() -> storage.territories().save(AccessMother.aTerritory(TENANT_A, ids, clock, "South", 2, bob)));

        UserAccess access = storage.userAccess(TENANT_A, ann.id()).orElseThrow();

        assertThat(access.user().state()).isEqualTo(ann.state());
        assertThat(access.teams()).extracting(Team::state).containsExactlyInAnyOrder(led.state(), member.state());
        assertThat(access.territories()).extracting(Territory::state).containsExactly(north.state());
        UserAccess alone = storage.userAccess(
                        TENANT_A,
                        save(AccessMother.aUser(TENANT_A, ids, clock, "cleo")).id())
                .orElseThrow();
        assertThat(alone.teams()).isEmpty();
        assertThat(alone.territories()).isEmpty();
        assertThat(storage.userAccess(TENANT_A, UserId.next(ids))).isEmpty();
        assertThat(storage.userAccess(TENANT_B, ann.id())).isEmpty();
    }

    @Test
    void usersAreFoundByEmailIgnoringCase() {
        User ann = save(AccessMother.aUser(TENANT_A, ids, clock, "ann"));
        save(AccessMother.aUser(TENANT_A, ids, clock, "bob"));

        assertThat(users().findByEmail(TENANT_A, EmailAddress.of("ANN@crm.example")))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(ann.id()));
        assertThat(users().findByEmail(TENANT_A, EmailAddress.of("nobody@crm.example")))
                .isEmpty();
    }

    @Test
    void allUsersArePagedByName() {
        for (String name : List.of("carl", "Ann", "bob")) {
            save(AccessMother.aUser(TENANT_A, ids, clock, name));
        }

        assertThat(users().findAll(TENANT_A, PageRequest.of(0, 2)).items())
                .extracting(User::name)
                .containsExactly("Ann", "bob");
        assertThat(users().findAll(TENANT_A, PageRequest.of(1, 2)).items())
                .extracting(User::name)
                .containsExactly("carl");
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        User saved = save(AccessMother.aUser(TENANT_A, ids, clock, "ann"));
        User first = users().findById(TENANT_A, saved.id()).orElseThrow();
        User second = users().findById(TENANT_A, saved.id()).orElseThrow();
        first.grantRole(Role.ADMIN, clock);
        second.rename("Other", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aUserOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        User saved = save(AccessMother.aUser(TENANT_A, ids, clock, "ann"));
        UserState state = saved.state();
        User foreign = User.restore(new UserState(
                TENANT_B,
                state.id(),
                state.version(),
                "Intruder",
                state.email(),
                true,
                state.roles(),
                state.registeredAt()));

        assertThat(users().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(users().findByEmail(TENANT_B, saved.email())).isEmpty();
        assertThat(users().findAll(TENANT_B, PageRequest.first(5)).items()).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(users().findById(TENANT_A, saved.id()).orElseThrow().name()).isEqualTo("ann");
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        User saved = save(AccessMother.aUser(TENANT_A, ids, clock, "ann"));
        List<Role> roles = List.of(Role.ADMIN, Role.SERVICE, Role.MARKETING);
        List<Callable<Void>> tasks = IntStream.range(0, roles.size())
                .<Callable<Void>>mapToObj(i -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                User user =
                                        users().findById(TENANT_A, saved.id()).orElseThrow();
                                user.grantRole(roles.get(i), clock);
                                return users().save(user);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        User result = users().findById(TENANT_A, saved.id()).orElseThrow();
        assertThat(result.version()).isEqualTo(1 + roles.size());
        assertThat(result.roles()).containsAll(roles);
    }
}
