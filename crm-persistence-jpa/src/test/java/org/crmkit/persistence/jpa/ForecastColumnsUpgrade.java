package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.CategoryTotal;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 24 on a database upgraded from an earlier crmkit: deals stored before it get their amount, currency,
 * probability override and close time as query columns from their documents, so that a forecast counts them.
 */
abstract class ForecastColumnsUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-02-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStorage() {
        storage = database().storage(clock);
    }

    @Test
    void dealsStoredBeforeSchema24CountInTheForecast() {
        Pipeline pipeline = storage.transactions()
                .inTransaction(() -> storage.pipelines().save(SalesMother.aPipeline(TENANT, ids, clock)));
        Opportunity open = deal(pipeline, "1234.56");
        open.overrideProbability(30);
        Opportunity won = deal(pipeline, "1000.10");
        won.markWon(pipeline, "Best fit", Actor.SYSTEM, clock);
        Opportunity noAmount = deal(pipeline, null);
        storage.transactions().inTransaction(() -> {
            storage.opportunities().save(open);
            storage.opportunities().save(won);
            return storage.opportunities().save(noAmount);
        });
        for (String index : new String[] {
            "crm_opportunity_closed_in_pipeline", // schema 29's, on a column schema 24 adds
            "crm_opportunity_won_by_close",
            "crm_contact_by_owner_in_id_order",
            "crm_contact_by_territory_in_id_order"
        }) {
            database().execute("drop index " + index);
        }
        for (String column : new String[] {"amount", "currency", "probability_override", "closed_at"}) {
            database().execute("alter table crm_opportunity drop column " + column);
        }

        database().migrateAgain(24);

        Forecast forecast = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT)
                .build()
                .forecasts()
                .forecast(ForecastScope.ALL, QuotaPeriod.quarter(2026, 1), EUR);
        assertThat(forecast.total(ForecastCategory.CLOSED))
                .isEqualTo(new CategoryTotal(1, Money.of("1000.10", "EUR"), Money.of("1000.10", "EUR")));
        assertThat(forecast.total(ForecastCategory.PIPELINE))
                .isEqualTo(new CategoryTotal(1, Money.of("1234.56", "EUR"), Money.of("370.37", "EUR")));
    }

    private Opportunity deal(Pipeline pipeline, String amount) {
        NewOpportunity details = NewOpportunity.of("Deal", AccountId.next(ids), pipeline.id(), EUR, UserId.next(ids))
                .withExpectedCloseDate(LocalDate.of(2026, 3, 15));
        return Opportunity.open(
                TENANT,
                OpportunityId.next(ids),
                amount == null ? details : details.withAmount(Money.of(amount, "EUR")),
                pipeline,
                Actor.SYSTEM,
                clock);
    }
}
