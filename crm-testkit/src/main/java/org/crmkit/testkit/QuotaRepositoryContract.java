package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.QuotaState;
import org.crmkit.core.spi.QuotaRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.Test;

/** What every {@link QuotaRepository} must do. */
public abstract class QuotaRepositoryContract extends StorageContract {

    private QuotaRepository quotas() {
        return storage.quotas();
    }

    private Quota save(Quota quota) {
        return storage.transactions().inTransaction(() -> quotas().save(quota));
    }

    @Test
    void roundTripKeepsEveryField() {
        Quota quota = SalesMother.aQuota(
                TENANT_A, ids, clock, QuotaHolder.team(TeamId.next(ids)), QuotaPeriod.quarter(2026, 3), "250000.00");

        save(quota);

        Quota found = quotas().findById(TENANT_A, quota.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(quota.state());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void findsByHolderAndPeriodAndByOverlapInPeriodOrder() {
        QuotaHolder anna = QuotaHolder.user(UserId.next(ids));
        QuotaHolder team = QuotaHolder.team(TeamId.next(ids));
        Quota q2 = save(SalesMother.aQuota(TENANT_A, ids, clock, anna, QuotaPeriod.quarter(2026, 2), "100.00"));
        Quota q1 = save(SalesMother.aQuota(TENANT_A, ids, clock, anna, QuotaPeriod.quarter(2026, 1), "90.00"));
        Quota year = save(SalesMother.aQuota(TENANT_A, ids, clock, team, QuotaPeriod.year(2026), "1000.00"));
        save(SalesMother.aQuota(TENANT_A, ids, clock, team, QuotaPeriod.year(2027), "1000.00"));

        assertThat(quotas().findFor(TENANT_A, anna, QuotaPeriod.quarter(2026, 2)))
                .get()
                .extracting(Quota::id)
                .isEqualTo(q2.id());
        assertThat(quotas().findFor(TENANT_A, anna, QuotaPeriod.quarter(2026, 3)))
                .isEmpty();
        assertThat(quotas().findByHolder(TENANT_A, anna)).extracting(Quota::id).containsExactly(q1.id(), q2.id());
        assertThat(quotas().findOverlapping(TENANT_A, QuotaPeriod.month(YearMonth.of(2026, 4))))
                .extracting(Quota::id)
                .containsExactly(year.id(), q2.id());
    }

    @Test
    void aStaleCopyIsRefused() {
        Quota stored = save(SalesMother.aQuota(
                TENANT_A, ids, clock, QuotaHolder.user(UserId.next(ids)), QuotaPeriod.year(2026), "100.00"));
        Quota one = quotas().findById(TENANT_A, stored.id()).orElseThrow();
        Quota two = quotas().findById(TENANT_A, stored.id()).orElseThrow();
        one.changeAmount(Money.of("200.00", "EUR"), clock);
        two.changeAmount(Money.of("300.00", "EUR"), clock);

        save(one);

        assertThatThrownBy(() -> save(two)).isInstanceOf(StaleVersionException.class);
        assertThat(quotas().findById(TENANT_A, stored.id()).orElseThrow().amount())
                .isEqualTo(Money.of("200.00", "EUR"));
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheQuota() {
        QuotaHolder holder = QuotaHolder.user(UserId.next(ids));
        Quota stored = save(SalesMother.aQuota(TENANT_A, ids, clock, holder, QuotaPeriod.year(2026), "100.00"));

        assertThat(quotas().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(quotas().findByHolder(TENANT_B, holder)).isEmpty();
        assertThat(quotas().findOverlapping(TENANT_B, QuotaPeriod.year(2026))).isEmpty();
        QuotaState s = stored.state();
        Quota intruder = Quota.restore(new QuotaState(
                TENANT_B, s.id(), s.version(), s.holder(), s.period(), Money.of("1.00", "EUR"), s.updatedAt()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(quotas().findById(TENANT_A, stored.id()).orElseThrow().amount())
                .isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void concurrentRaisesAreNotLost() throws InterruptedException {
        Quota stored = save(SalesMother.aQuota(
                TENANT_A, ids, clock, QuotaHolder.user(UserId.next(ids)), QuotaPeriod.year(2026), "0.00"));
        int writers = 6;
        AtomicInteger done = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        Quota quota = quotas().findById(TENANT_A, stored.id()).orElseThrow();
                        quota.changeAmount(quota.amount().plus(Money.of("10.00", "EUR")), clock);
                        save(quota);
                        done.incrementAndGet();
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(done).hasValue(writers);
        assertThat(quotas().findById(TENANT_A, stored.id()).orElseThrow().amount())
                .isEqualTo(Money.of("60.00", "EUR"));
    }
}
