package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@code appendToHistories} reads the case rows as columns, except those the transaction already holds as entities
 * (see {@link DunningCasesToAppend}): entries appended to a case saved earlier in the same transaction come after
 * what that save stored, with the version after it.
 */
abstract class DunningCaseAppendAfterSave {

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    private static final DunningPolicy POLICY = DunningPolicy.builder("standard")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .build();

    abstract TestDatabase database();

    @Test
    void entriesAppendedInTheTransactionThatSavedTheCaseComeAfterWhatItSaved() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        IdGenerator ids = new IdGenerator(clock);
        Storage storage = database().storagePort(clock);
        DunningCaseStore cases = JpaDunningCaseStore.create((JpaStorage) storage);
        DunningGroup group = new DunningGroup.AccountInCurrency(AccountId.next(ids), Currency.getInstance("EUR"));
        DunningCase opened = storage.transactions()
                .inTransaction(() ->
                        cases.save(DunningCase.open(TENANT, DunningCaseId.next(ids), POLICY, group, OPENED, clock)));
        List<CaseEvent> added = List.of(
                CaseEvent.of(OPENED.plusDays(1), CaseEventKind.NOTICE_DELIVERED, 1, List.of(), null, "after the save"));

        DunningCase saved = storage.transactions().inTransaction(() -> {
            DunningCase closing = cases.findById(TENANT, opened.id()).orElseThrow();
            closing.reconcile(POLICY, List.of(), Set.of(), OPENED.plusDays(1), invoice -> OPENED, clock);
            DunningCase closed = cases.save(closing);
            cases.appendToHistories(TENANT, List.of(opened.id()), dunningCase -> added);
            return closed;
        });

        List<CaseEvent> history = new ArrayList<>(saved.history());
        history.addAll(added);
        assertThat(saved.version()).isEqualTo(opened.version() + 1);
        assertThat(cases.findById(TENANT, opened.id()).orElseThrow().state())
                .isEqualTo(saved.state().withHistory(history).withVersion(saved.version() + 1));
    }
}
