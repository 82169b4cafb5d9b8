package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TeamState;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TeamRepository;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.Test;

/** What every {@link TeamRepository} must do. Extend it and supply the storage. */
public abstract class TeamRepositoryContract extends StorageContract {

    private TeamRepository teams() {
        return storage.teams();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private Team save(Team team) {
        return inTransaction(() -> teams().save(team));
    }

    @Test
    void aSavedTeamComesBackWithEveryField() {
        Team team = AccessMother.aTeam(
                TENANT_A, ids, clock, "Inside sales", UserId.next(ids), UserId.next(ids), UserId.next(ids));

        assertThat(save(team).version()).isEqualTo(1);
        assertThat(teams().findById(TENANT_A, team.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(team.state().withVersion(1)));
    }

    @Test
    void theTeamsOfAUserAreThoseItIsMemberOrLeadOfByName() {
        UserId ann = UserId.next(ids);
        Team zulu = save(AccessMother.aTeam(TENANT_A, ids, clock, "Zulu", null, ann));
        Team alpha = save(AccessMother.aTeam(TENANT_A, ids, clock, "alpha", ann));
        save(AccessMother.aTeam(TENANT_A, ids, clock, "Other", UserId.next(ids), UserId.next(ids)));

        assertThat(teams().findByMember(TENANT_A, ann)).extracting(Team::id).containsExactly(alpha.id(), zulu.id());
    }

    @Test
    void aRemovedMemberNoLongerFindsTheTeam() {
        UserId ann = UserId.next(ids);
        Team team = save(AccessMother.aTeam(TENANT_A, ids, clock, "Team", null, ann));
        team.removeMember(ann, clock);
        save(team);

        assertThat(teams().findByMember(TENANT_A, ann)).isEmpty();
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Team saved = save(AccessMother.aTeam(TENANT_A, ids, clock, "Team", null));
        Team first = teams().findById(TENANT_A, saved.id()).orElseThrow();
        Team second = teams().findById(TENANT_A, saved.id()).orElseThrow();
        first.rename("First", clock);
        second.rename("Second", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aTeamOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        UserId ann = UserId.next(ids);
        Team saved = save(AccessMother.aTeam(TENANT_A, ids, clock, "Team", null, ann));
        TeamState state = saved.state();
        Team foreign =
                Team.restore(new TeamState(TENANT_B, state.id(), state.version(), "Hijacked", null, state.members()));

        assertThat(teams().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(teams().findByMember(TENANT_B, ann)).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(teams().findById(TENANT_A, saved.id()).orElseThrow().name()).isEqualTo("Team");
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Team saved = save(AccessMother.aTeam(TENANT_A, ids, clock, "Team", null));
        List<UserId> members =
                IntStream.range(0, 4).mapToObj(i -> UserId.next(ids)).toList();
        List<Callable<Void>> tasks = members.stream()
                .<Callable<Void>>map(member -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Team team =
                                        teams().findById(TENANT_A, saved.id()).orElseThrow();
                                team.addMember(member, clock);
                                return teams().save(team);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(teams().findById(TENANT_A, saved.id()).orElseThrow().members())
                .containsExactlyInAnyOrderElementsOf(members);
    }
}
