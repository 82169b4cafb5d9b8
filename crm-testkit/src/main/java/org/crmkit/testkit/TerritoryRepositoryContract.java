package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryState;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TerritoryRepository;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.Test;

/** What every {@link TerritoryRepository} must do. Extend it and supply the storage. */
public abstract class TerritoryRepositoryContract extends StorageContract {

    private TerritoryRepository territories() {
        return storage.territories();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private Territory save(Territory territory) {
        return inTransaction(() -> territories().save(territory));
    }

    @Test
    void aSavedTerritoryComesBackWithEveryFieldAndItsRulesInOrder() {
        Territory territory = AccessMother.aTerritory(TENANT_A, ids, clock, "South", 3, UserId.next(ids));

        assertThat(save(territory).version()).isEqualTo(1);
        assertThat(territories().findById(TENANT_A, territory.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(territory.state().withVersion(1)));
    }

    @Test
    void territoriesComeInPriorityThenNameOrder() {
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "Catch-all", 9));
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "beta", 1));
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "Alpha", 1));
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "Top", 0));

        assertThat(territories().findAllByPriority(TENANT_A))
                .extracting(Territory::name)
                .containsExactly("Top", "Alpha", "beta", "Catch-all");
    }

    @Test
    void theTerritoriesOfAMemberComeInPriorityOrder() {
        UserId ann = UserId.next(ids);
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "Low", 5, ann));
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "High", 1, ann));
        save(AccessMother.aTerritory(TENANT_A, ids, clock, "Foreign", 0, UserId.next(ids)));

        assertThat(territories().findByMember(TENANT_A, ann))
                .extracting(Territory::name)
                .containsExactly("High", "Low");
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Territory saved = save(AccessMother.aTerritory(TENANT_A, ids, clock, "South", 1));
        Territory first = territories().findById(TENANT_A, saved.id()).orElseThrow();
        Territory second = territories().findById(TENANT_A, saved.id()).orElseThrow();
        first.addMember(UserId.next(ids), clock);
        second.addMember(UserId.next(ids), clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aTerritoryOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        UserId ann = UserId.next(ids);
        Territory saved = save(AccessMother.aTerritory(TENANT_A, ids, clock, "South", 1, ann));
        TerritoryState state = saved.state();
        Territory foreign = Territory.restore(new TerritoryState(
                TENANT_B, state.id(), state.version(), "Hijacked", 0, state.rules(), state.members()));

        assertThat(territories().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(territories().findAllByPriority(TENANT_B)).isEmpty();
        assertThat(territories().findByMember(TENANT_B, ann)).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Territory saved = save(AccessMother.aTerritory(TENANT_A, ids, clock, "South", 1));
        List<UserId> members =
                IntStream.range(0, 4).mapToObj(i -> UserId.next(ids)).toList();
        List<Callable<Void>> tasks = members.stream()
                .<Callable<Void>>map(member -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Territory territory = territories()
                                        .findById(TENANT_A, saved.id())
                                        .orElseThrow();
                                territory.addMember(member, clock);
                                return territories().save(territory);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(territories().findById(TENANT_A, saved.id()).orElseThrow().members())
                .containsExactlyInAnyOrderElementsOf(members);
    }
}
