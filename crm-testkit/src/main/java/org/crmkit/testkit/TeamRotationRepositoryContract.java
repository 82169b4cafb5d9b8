package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.lead.TeamRotationState;
import org.crmkit.core.spi.TeamRotationRepository;
import org.junit.jupiter.api.Test;

/** What every {@link TeamRotationRepository} must do. */
public abstract class TeamRotationRepositoryContract extends StorageContract {

    private TeamRotationRepository rotations() {
        return storage.teamRotations();
    }

    private TeamRotation save(TeamRotation rotation) {
        return storage.transactions().inTransaction(() -> rotations().save(rotation));
    }

    /** The team's first rotation, stored after giving a lead to the member. */
    private TeamRotation storedFirstTurn(TeamId team, UserId member) {
        TeamRotation rotation = TeamRotation.start(TENANT_A, team);
        rotation.gaveLeadTo(member, clock);
        return save(rotation);
    }

    @Test
    void aTeamWithoutRoundRobinAssignmentsHasNoRotation() {
        assertThat(rotations().findByTeam(TENANT_A, TeamId.next(ids))).isEmpty();
    }

    @Test
    void roundTripKeepsEveryFieldAndEachSaveRaisesTheVersion() {
        TeamId team = TeamId.next(ids);
        UserId ann = UserId.next(ids);
        UserId bob = UserId.next(ids);
        TeamRotation stored = storedFirstTurn(team, ann);
        clock.advance(Duration.ofMinutes(3));
        stored.gaveLeadTo(bob, clock);

        save(stored);

        TeamRotation found = rotations().findByTeam(TENANT_A, team).orElseThrow();
        assertThat(found.state()).isEqualTo(stored.state().withVersion(2));
        assertThat(found.lastAssigned()).isEqualTo(bob);
        assertThat(found.lastAssignedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aSecondNewRotationOfTheSameTeamIsStale() {
        TeamId team = TeamId.next(ids);
        UserId ann = UserId.next(ids);
        storedFirstTurn(team, ann);
        TeamRotation second = TeamRotation.start(TENANT_A, team);
        second.gaveLeadTo(UserId.next(ids), clock);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(rotations().findByTeam(TENANT_A, team).orElseThrow().lastAssigned())
                .isEqualTo(ann);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheRotation() {
        TeamId team = TeamId.next(ids);
        UserId ann = UserId.next(ids);
        TeamRotation stored = storedFirstTurn(team, ann);

        assertThat(rotations().findByTeam(TENANT_B, team)).isEmpty();
        TeamRotationState s = stored.state();
        TeamRotation intruder = TeamRotation.restore(
                new TeamRotationState(TENANT_B, s.id(), s.version(), UserId.next(ids), s.lastAssignedAt()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(rotations().findByTeam(TENANT_A, team).orElseThrow().lastAssigned())
                .isEqualTo(ann);
    }

    @Test
    void concurrentTurnsConflictSoThatNoneIsLost() throws InterruptedException {
        TeamId team = TeamId.next(ids);
        int writers = 6;
        List<UserId> members = new ArrayList<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            UserId member = UserId.next(ids);
            members.add(member);
            tasks.add(() -> {
                while (true) {
                    try {
                        storage.transactions().inTransaction(() -> {
                            TeamRotation rotation = rotations()
                                    .findByTeam(TENANT_A, team)
                                    .orElseGet(() -> TeamRotation.start(TENANT_A, team));
                            rotation.gaveLeadTo(member, clock);
                            return rotations().save(rotation);
                        });
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        TeamRotation last = rotations().findByTeam(TENANT_A, team).orElseThrow();
        assertThat(last.version()).isEqualTo(writers);
        assertThat(members).contains(last.lastAssigned());
    }
}
