package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.ForecastSnapshotState;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.spi.ForecastSnapshotRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.Test;

/** What every {@link ForecastSnapshotRepository} must do. */
public abstract class ForecastSnapshotRepositoryContract extends StorageContract {

    private ForecastSnapshotRepository snapshots() {
        return storage.forecastSnapshots();
    }

    private ForecastSnapshot save(ForecastSnapshot snapshot) {
        return storage.transactions().inTransaction(() -> snapshots().save(snapshot));
    }

    @Test
    void roundTripKeepsEveryField() {
        ForecastSnapshot snapshot = SalesMother.aForecastSnapshot(
                TENANT_A, ids, clock, new ForecastScope(UserId.next(ids), null, PipelineId.next(ids)));

        save(snapshot);

        ForecastSnapshot found = snapshots().findById(TENANT_A, snapshot.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(snapshot.state());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void findsTheSnapshotsOfExactlyTheScopeAndPeriodOldestFirst() {
        ForecastScope team = ForecastScope.team(TeamId.next(ids));
        ForecastSnapshot first = save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, team));
        clock.advance(Duration.ofDays(7));
        ForecastSnapshot second = save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, team));
        save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, team.inPipeline(PipelineId.next(ids))));
        save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, ForecastScope.ALL));

        assertThat(snapshots().findFor(TENANT_A, team, QuotaPeriod.quarter(2026, 2)))
                .extracting(ForecastSnapshot::id)
                .containsExactly(first.id(), second.id());
        assertThat(snapshots().findFor(TENANT_A, team, QuotaPeriod.quarter(2026, 3)))
                .isEmpty();
        assertThat(snapshots().findFor(TENANT_A, ForecastScope.ALL, QuotaPeriod.quarter(2026, 2)))
                .hasSize(1);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheSnapshot() {
        ForecastSnapshot stored = save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, ForecastScope.ALL));

        assertThat(snapshots().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(snapshots().findFor(TENANT_B, ForecastScope.ALL, QuotaPeriod.quarter(2026, 2)))
                .isEmpty();
        ForecastSnapshotState s = stored.state();
        ForecastSnapshot intruder = ForecastSnapshot.restore(
                new ForecastSnapshotState(TENANT_B, s.id(), s.version(), s.forecast(), s.takenAt()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
    }
}
