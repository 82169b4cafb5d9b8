package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quotas and forecast snapshots under a sharing model: they follow the manager hierarchy. */
class SalesFigureAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-02T09:00:00Z"), ZoneOffset.UTC);
    private static final QuotaPeriod Q2 = QuotaPeriod.quarter(2026, 2);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final SharingModel PRIVATE_FIGURES = SharingModel.openToAll()
            .withDefault(RecordType.QUOTA, DefaultAccess.PRIVATE)
            .withDefault(RecordType.FORECAST_SNAPSHOT, DefaultAccess.PRIVATE);

    private final ActingUsers users = new ActingUsers(CLOCK);
    private User north;
    private User south;
    private User manager;
    private Team sales;

    @BeforeEach
    void twoSalespeopleAndTheirManagerWithQuotas() {
        Crm crm = users.crm(SharingModel.openToAll());
        north = ActingUsers.user(crm.access(), "north", Role.SALES);
        south = ActingUsers.user(crm.access(), "south", Role.SALES);
        manager = ActingUsers.user(crm.access(), "manager", Role.MANAGER);
        sales = crm.access().createTeam("Sales", manager.id());
        crm.access().addTeamMember(sales.id(), north.id());
        crm.access().addTeamMember(sales.id(), south.id());
        for (UserId holder : List.of(north.id(), south.id(), manager.id())) {
            crm.forecasts().setQuota(QuotaHolder.user(holder), Q2, Money.of("1000.00", "EUR"));
            crm.forecasts().takeForecastSnapshot(ForecastScope.owner(holder), Q2, EUR);
        }
        crm.forecasts().setQuota(QuotaHolder.team(sales.id()), Q2, Money.of("3000.00", "EUR"));
        crm.forecasts().takeForecastSnapshot(ForecastScope.team(sales.id()), Q2, EUR);
        crm.forecasts().takeForecastSnapshot(ForecastScope.ALL, Q2, EUR);
    }

    private Crm crm(SharingModel model) {
        return users.crm(model);
    }

    private void actAs(User user) {
        users.actAs(user);
    }

    private List<QuotaHolder> quotasSeenBy(Crm crm, User user) {
        actAs(user);
        return crm.forecasts().quotasOverlapping(Q2).stream().map(Quota::holder).toList();
    }

    @Test
    void aSalespersonReadsItsOwnAndItsTeamsQuotaAndTheManagerEveryQuotaBelowIt() {
        Crm crm = crm(PRIVATE_FIGURES);

        assertThat(quotasSeenBy(crm, north))
                .containsExactlyInAnyOrder(QuotaHolder.user(north.id()), QuotaHolder.team(sales.id()));
        assertThat(crm.forecasts().quota(QuotaHolder.user(south.id()), Q2)).isEmpty();
        assertThat(crm.forecasts()
                        .forecast(ForecastScope.owner(south.id()), Q2, EUR)
                        .quota())
                .isNull();
        assertThat(quotasSeenBy(crm, manager)).hasSize(4);
    }

    @Test
    void onlyAUserAboveTheHolderSetsAQuotaTheHolderItselfIsRefused() {
        Crm crm = crm(PRIVATE_FIGURES);
        actAs(north);

        assertThatThrownBy(() -> crm.forecasts().setQuota(QuotaHolder.user(north.id()), Q2, Money.of("9000.00", "EUR")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("user " + north.id() + " may not set the quota of user " + north.id());
        assertThatThrownBy(() -> crm.forecasts()
                        .setQuota(QuotaHolder.user(north.id()), QuotaPeriod.quarter(2026, 3), Money.of("1.00", "EUR")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.forecasts().setQuota(QuotaHolder.team(sales.id()), Q2, Money.of("1.00", "EUR")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("team " + sales.id());

        actAs(manager);
        assertThat(crm.forecasts()
                        .setQuota(QuotaHolder.user(north.id()), Q2, Money.of("1500.00", "EUR"))
                        .amount())
                .isEqualTo(Money.of("1500.00", "EUR"));
        assertThat(crm.forecasts()
                        .setQuota(QuotaHolder.team(sales.id()), Q2, Money.of("3500.00", "EUR"))
                        .amount())
                .isEqualTo(Money.of("3500.00", "EUR"));
        assertThatThrownBy(() -> crm.forecasts().setQuota(QuotaHolder.user(manager.id()), Q2, Money.of("1.00", "EUR")))
                .isInstanceOf(AccessDeniedException.class);
        actAs(north);
        assertThat(crm.forecasts()
                        .quota(QuotaHolder.user(north.id()), Q2)
                        .orElseThrow()
                        .amount())
                .isEqualTo(Money.of("1500.00", "EUR"));
    }

    @Test
    void quotasReadableByEveryoneAreStillSetOnlyFromAbove() {
        Crm crm = crm(SharingModel.openToAll().withDefault(RecordType.QUOTA, DefaultAccess.READ));

        assertThat(quotasSeenBy(crm, north)).hasSize(4);
        assertThatThrownBy(() -> crm.forecasts().setQuota(QuotaHolder.user(south.id()), Q2, Money.of("1.00", "EUR")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSnapshotIsReadAndTakenOnlyForTheScopesWhoseFiguresTheUserReads() {
        Crm crm = crm(PRIVATE_FIGURES);
        actAs(north);

        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.owner(north.id()), Q2))
                .hasSize(1);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.team(sales.id()), Q2))
                .hasSize(1);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.owner(south.id()), Q2))
                .isEmpty();
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.ALL, Q2)).isEmpty();
        assertThatThrownBy(() -> crm.forecasts().takeForecastSnapshot(ForecastScope.owner(south.id()), Q2, EUR))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("may not take a forecast snapshot of user " + south.id());
        assertThatThrownBy(() -> crm.forecasts().takeForecastSnapshot(ForecastScope.ALL, Q2, EUR))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the whole tenant");
        ForecastSnapshot own = crm.forecasts().takeForecastSnapshot(ForecastScope.owner(north.id()), Q2, EUR);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.owner(north.id()), Q2))
                .extracting(ForecastSnapshot::id)
                .contains(own.id());

        actAs(manager);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.owner(south.id()), Q2))
                .hasSize(1);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.ALL, Q2)).isEmpty();
        users.actAs(Actor.SYSTEM);
        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.ALL, Q2)).hasSize(1);
    }

    @Test
    void theCustomerRecordsDefaultLeavesSalesFiguresOpenAndFiguresCannotBeShared() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));

        assertThat(quotasSeenBy(crm, north)).hasSize(4);
        assertThatThrownBy(() -> crm.access()
                        .shareWithUser(
                                new RecordRef(
                                        RecordType.QUOTA,
                                        crm.forecasts()
                                                .quotasOverlapping(Q2)
                                                .get(0)
                                                .id()
                                                .value()),
                                south.id(),
                                org.crmkit.core.access.ShareAccess.READ))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cannot be shared");
        assertThatThrownBy(() -> SharingModel.openToAll().withDefault(RecordType.TASK, DefaultAccess.PRIVATE))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("FORECAST_SNAPSHOT");
    }
}
