package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.spi.ForecastSnapshotRepository;
import org.crmkit.core.spi.QuotaRepository;
import org.crmkit.testkit.fixtures.AccessMother;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the quota and forecast snapshot repositories must do, query by query: sales
 * figures follow the manager hierarchy, so the viewer reads its own, those of the users below it (two levels down
 * here) and those of its teams and of the teams led below it, but not its team mate's, a stranger's, another team's
 * or the whole tenant's. Extend it and supply the storage.
 */
public abstract class SalesFigureVisibilityContract extends VisibilityFixture {

    private static final QuotaPeriod QUARTER = QuotaPeriod.quarter(2026, 2);

    /** Reports to the viewer (a member of the team the viewer leads). */
    private UserId report;
    /** Reports to {@link #report} (a member of the team it leads). */
    private UserId deep;

    private TeamId reports;
    private TeamId deepTeam;
    private TeamId otherTeam;
    private Visibility manager;

    @BeforeEach
    void theViewerLeadsATeamWhoseMemberLeadsAnother() {
        report = UserId.next(ids);
        deep = UserId.next(ids);
        Team led = AccessMother.aTeam(TENANT_A, ids, clock, "Reports", viewer.id(), report);
        Team below = AccessMother.aTeam(TENANT_A, ids, clock, "Deep", report, deep);
        Team other = AccessMother.aTeam(TENANT_A, ids, clock, "Other", stranger, UserId.next(ids));
        reports = led.id();
        deepTeam = below.id();
        otherTeam = other.id();
        manager = Visibility.of(viewer, List.of(team, led, below, other), List.of());
    }

    private List<QuotaHolder> visibleHolders() {
        return List.of(
                QuotaHolder.user(viewer.id()),
                QuotaHolder.user(report),
                QuotaHolder.user(deep),
                QuotaHolder.team(team.id()),
                QuotaHolder.team(reports),
                QuotaHolder.team(deepTeam));
    }

    private List<QuotaHolder> hiddenHolders() {
        List<QuotaHolder> hidden = new ArrayList<>(
                List.of(QuotaHolder.user(mate.id()), QuotaHolder.user(stranger), QuotaHolder.team(otherTeam)));
        for (int i = 0; i < HIDDEN; i++) {
            hidden.add(QuotaHolder.user(UserId.next(ids)));
        }
        return hidden;
    }

    private Quota saveQuota(QuotaHolder holder, QuotaPeriod period) {
        return inTransaction(
                () -> storage.quotas().save(SalesMother.aQuota(TENANT_A, ids, clock, holder, period, "1000.00")));
    }

    @Test
    void everyQuotaQuerySeesTheViewersOwnItsTeamsAndThoseBelowIt() {
        List<Quota> visible = new ArrayList<>();
        visibleHolders().forEach(holder -> visible.add(saveQuota(holder, QUARTER)));
        List<Quota> hidden = new ArrayList<>();
        hiddenHolders().forEach(holder -> hidden.add(saveQuota(holder, QUARTER)));
        QuotaRepository quotas = storage.quotas().visibleTo(manager);

        for (Quota quota : visible) {
            assertThat(quotas.findById(TENANT_A, quota.id())).isPresent();
            assertThat(quotas.findFor(TENANT_A, quota.holder(), QUARTER)).isPresent();
            assertThat(quotas.findByHolder(TENANT_A, quota.holder()))
                    .extracting(Quota::id)
                    .containsExactly(quota.id());
        }
        for (Quota quota : hidden) {
            assertThat(quotas.findById(TENANT_A, quota.id())).isEmpty();
            assertThat(quotas.findFor(TENANT_A, quota.holder(), QUARTER)).isEmpty();
            assertThat(quotas.findByHolder(TENANT_A, quota.holder())).isEmpty();
        }
        assertThat(quotas.findOverlapping(TENANT_A, QuotaPeriod.year(2026)))
                .extracting(Quota::id)
                .containsExactlyInAnyOrderElementsOf(
                        visible.stream().map(Quota::id).toList());
        assertThat(quotas.findOverlapping(TENANT_B, QuotaPeriod.year(2026))).isEmpty();
    }

    @Test
    void aTeamMemberReadsItsOwnAndItsTeamsQuotaOnly() {
        saveQuota(QuotaHolder.user(viewer.id()), QUARTER);
        Quota own = saveQuota(QuotaHolder.user(mate.id()), QUARTER);
        Quota desk = saveQuota(QuotaHolder.team(team.id()), QUARTER);
        saveQuota(QuotaHolder.team(reports), QUARTER);

        QuotaRepository quotas = storage.quotas().visibleTo(Visibility.of(mate, List.of(team), List.of()));

        assertThat(quotas.findOverlapping(TENANT_A, QUARTER))
                .extracting(Quota::id)
                .containsExactlyInAnyOrder(own.id(), desk.id());
    }

    @Test
    void anAdministratorReadsEveryQuotaAndAnInactiveUserNone() {
        List<Quota> all = new ArrayList<>();
        visibleHolders().forEach(holder -> all.add(saveQuota(holder, QUARTER)));
        hiddenHolders().forEach(holder -> all.add(saveQuota(holder, QUARTER)));
        User admin = User.register(TENANT_A, UserId.next(ids), "Admin", EMAIL, List.of(Role.ADMIN), clock);
        viewer.deactivate(clock);

        assertThat(storage.quotas()
                        .visibleTo(Visibility.of(admin, List.of(), List.of()))
                        .findOverlapping(TENANT_A, QUARTER))
                .hasSize(all.size());
        QuotaRepository inactive = storage.quotas().visibleTo(Visibility.of(viewer, List.of(team), List.of()));
        assertThat(inactive.findOverlapping(TENANT_A, QUARTER)).isEmpty();
        assertThat(inactive.findById(TENANT_A, all.get(0).id())).isEmpty();
    }

    private ForecastSnapshot saveSnapshot(ForecastScope scope) {
        return inTransaction(
                () -> storage.forecastSnapshots().save(SalesMother.aForecastSnapshot(TENANT_A, ids, clock, scope)));
    }

    @Test
    void everySnapshotQuerySeesTheScopesOfTheViewersFiguresOnly() {
        PipelineId pipeline = PipelineId.next(ids);
        List<ForecastScope> visibleScopes = List.of(
                ForecastScope.owner(viewer.id()),
                ForecastScope.owner(deep).inPipeline(pipeline),
                ForecastScope.team(team.id()),
                ForecastScope.team(deepTeam));
        List<ForecastScope> hiddenScopes = List.of(
                ForecastScope.owner(mate.id()),
                ForecastScope.owner(stranger),
                ForecastScope.team(otherTeam),
                ForecastScope.ALL,
                ForecastScope.pipeline(pipeline));
        List<ForecastSnapshot> visible =
                visibleScopes.stream().map(this::saveSnapshot).toList();
        List<ForecastSnapshot> hidden =
                hiddenScopes.stream().map(this::saveSnapshot).toList();
        ForecastSnapshotRepository snapshots = storage.forecastSnapshots().visibleTo(manager);

        for (ForecastSnapshot snapshot : visible) {
            assertThat(snapshots.findById(TENANT_A, snapshot.id())).isPresent();
            assertThat(snapshots.findFor(TENANT_A, snapshot.forecast().scope(), QUARTER))
                    .extracting(ForecastSnapshot::id)
                    .containsExactly(snapshot.id());
        }
        for (ForecastSnapshot snapshot : hidden) {
            assertThat(snapshots.findById(TENANT_A, snapshot.id())).isEmpty();
            assertThat(snapshots.findFor(TENANT_A, snapshot.forecast().scope(), QUARTER))
                    .isEmpty();
        }
        User admin = User.register(TENANT_A, UserId.next(ids), "Admin", EMAIL, List.of(Role.ADMIN), clock);
        ForecastSnapshotRepository everything =
                storage.forecastSnapshots().visibleTo(Visibility.of(admin, List.of(), List.of()));
        assertThat(everything.findFor(TENANT_A, ForecastScope.ALL, QUARTER)).hasSize(1);
        assertThat(everything.findById(TENANT_A, hidden.get(1).id())).isPresent();
    }
}
