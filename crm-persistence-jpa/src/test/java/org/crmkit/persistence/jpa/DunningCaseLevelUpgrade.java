package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 12 on a database upgraded from an earlier crmkit: dunning cases stored without their last level get the level
 * of the last step they took, so that a closed case tells it; without the migration they cannot be read.
 */
abstract class DunningCaseLevelUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final Money NOTHING = Money.zero("EUR");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private DunningCaseStore cases;
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStore() {
        storage = database().storage(clock);
        cases = JpaDunningCaseStore.create(storage);
    }

    @Test
    void aCaseStoredWithoutItsLevelGetsTheLevelOfItsLastStep() {
        DunningCase closed = storedWithoutLevel(
                CaseStatus.CLOSED,
                List.of(
                        entry(CaseEventKind.OPENED, 0), entry(CaseEventKind.LEVEL_REACHED, 1),
                        entry(CaseEventKind.NOTICE_DELIVERED, 1), entry(CaseEventKind.LEVEL_REACHED, 2),
                        entry(CaseEventKind.INVOICE_PAID, 2), entry(CaseEventKind.CLOSED, 0)));
        DunningCase untouched = storedWithoutLevel(CaseStatus.OPEN, List.of(entry(CaseEventKind.OPENED, 0)));
        assertThatThrownBy(() -> cases.findById(TENANT, closed.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("lastLevel is missing from the stored document");

        database().migrateAgain(12);

        assertThat(cases.findById(TENANT, closed.id()).orElseThrow().topLevel()).isEqualTo(2);
        assertThat(cases.findById(TENANT, untouched.id()).orElseThrow().topLevel())
                .isZero();
        assertThat(cases.findById(TENANT, closed.id()).orElseThrow().history()).hasSize(6);
    }

    @Test
    void aCaseStoredWithItsLevelKeepsIt() {
        DunningCase stored = save(state(CaseStatus.CLOSED, 3, List.of(entry(CaseEventKind.LEVEL_REACHED, 1))));

        database().migrateAgain(12);

        assertThat(cases.findById(TENANT, stored.id()).orElseThrow().topLevel()).isEqualTo(3);
    }

    private static CaseEvent entry(CaseEventKind kind, int level) {
        return CaseEvent.of(LocalDate.of(2026, 2, 1), kind, level, List.of(), null, null);
    }

    private DunningCaseState state(CaseStatus status, int level, List<CaseEvent> history) {
        AccountId account = AccountId.next(ids);
        return new DunningCaseState(
                TENANT,
                DunningCaseId.next(ids),
                0,
                account,
                "b2b",
                "account:" + account + ":EUR",
                Currency.getInstance("EUR"),
                status,
                LocalDate.of(2026, 1, 20),
                status == CaseStatus.CLOSED ? LocalDate.of(2026, 2, 1) : null,
                List.of(),
                null,
                NOTHING,
                2,
                level,
                false,
                false,
                history,
                clock.instant(),
                null);
    }

    private DunningCase save(DunningCaseState state) {
        return storage.transactions().inTransaction(() -> cases.save(DunningCase.restore(state)));
    }

    /** A case as a crmkit version before schema 12 stored it: its history in its document, which has no last level. */
    private DunningCase storedWithoutLevel(CaseStatus status, List<CaseEvent> history) {
        DunningCase stored = save(state(status, 0, history));
        DunningCasesBeforeSchema27.storeAsBefore(database(), storage, TENANT, stored.id());
        database()
                .rewriteJson(
                        "document",
                        "crm_dunning_case",
                        "id",
                        stored.id().value(),
                        document -> document.remove("lastLevel"));
        return stored;
    }
}
