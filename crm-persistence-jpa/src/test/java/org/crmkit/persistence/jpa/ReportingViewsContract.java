package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignState;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.service.ServiceCaseState;
import org.crmkit.testkit.SettableClock;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every reporting view of schema 17 (docs/reporting-views.md) shows, for the records of {@link ReportingStory}, what
 * crmkit's API returns for the same records: each row is compared column by column with the values read through
 * {@link Crm}. Subclasses supply the database.
 */
abstract class ReportingViewsContract {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    abstract TestDatabase database();

    private Crm crm;

    @BeforeEach
    void tellTheStory() {
        SettableClock clock = SettableClock.at(START);
        crm = Crm.builder().storage(database().storage(clock)).clock(clock).build();
        ReportingStory.tell(crm, clock);
    }

    @Test
    void accountsAreShownAsTheApiReturnsThem() {
        List<Map<String, Object>> rows = rows("select * from crm_report_account");

        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            AccountState account = crm.parties()
                    .findAccount(AccountId.of((UUID) row.get("account_id")))
                    .orElseThrow()
                    .state();
            Map<String, Object> expected = party(
                    account.tenant().value(),
                    account.contactPoints(),
                    account.owner(),
                    account.territory(),
                    account.customerSince(),
                    account.registeredAt());
            expected.put("account_id", account.id().value());
            expected.put("name", account.name());
            expected.put("legal_name", account.details().legalName());
            expected.put("industry", account.details().industry());
            expected.put("website", account.details().website());
            expected.put("tax_id", account.details().taxId());
            assertThat(row).isEqualTo(expected);
        }
    }

    @Test
    void contactsAreShownAsTheApiReturnsThem() {
        List<Map<String, Object>> rows = rows("select * from crm_report_contact");

        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            ContactState contact = crm.parties()
                    .findContact(ContactId.of((UUID) row.get("contact_id")))
                    .orElseThrow()
                    .state();
            Map<String, Object> expected = party(
                    contact.tenant().value(),
                    contact.contactPoints(),
                    contact.owner(),
                    contact.territory(),
                    contact.customerSince(),
                    contact.registeredAt());
            expected.put("contact_id", contact.id().value());
            expected.put("salutation", contact.name().salutation());
            expected.put("first_name", contact.name().firstName());
            expected.put("middle_name", contact.name().middleName());
            expected.put("last_name", contact.name().lastName());
            assertThat(row).isEqualTo(expected);
        }
    }

    private Map<String, Object> party(
            String tenant,
            ContactPoints points,
            UserId owner,
            TerritoryId territory,
            LocalDate customerSince,
            Instant registeredAt) {
        Optional<PostalAddress> address = points.primaryAddress();
        Map<String, Object> expected = new HashMap<>();
        expected.put("tenant_id", tenant);
        expected.put(
                "primary_email",
                points.primaryEmail().map(email -> email.value()).orElse(null));
        expected.put(
                "primary_phone",
                points.primaryPhone().map(phone -> phone.e164()).orElse(null));
        expected.put("street_line_1", address.map(a -> line(a, 0)).orElse(null));
        expected.put("street_line_2", address.map(a -> line(a, 1)).orElse(null));
        expected.put("postal_code", address.map(PostalAddress::postalCode).orElse(null));
        expected.put("city", address.map(PostalAddress::city).orElse(null));
        expected.put("region", address.map(PostalAddress::region).orElse(null));
        expected.put("country", address.map(a -> a.country().value()).orElse(null));
        expected.put("owner_id", owner.value());
        expected.put("owner_name", userName(owner));
        expected.put("territory_id", territory == null ? null : territory.value());
        expected.put(
                "territory_name",
                territory == null
                        ? null
                        : crm.access().territories().stream()
                                .filter(t -> t.id().equals(territory))
                                .map(Territory::name)
                                .findFirst()
                                .orElseThrow());
        expected.put("customer_since", customerSince);
        expected.put("registered_at", registeredAt);
        return expected;
    }

    private static String line(PostalAddress address, int index) {
        return address.streetLines().size() > index ? address.streetLines().get(index) : null;
    }

    @Test
    void invoicesShowTheAmountsAndDaysOverdueTheApiComputes() {
        LocalDate today =
                (LocalDate) rows("select current_date as today").get(0).get("today");
        List<Map<String, Object>> rows = rows("select * from crm_report_invoice");

        assertThat(rows).hasSize(3);
        for (Map<String, Object> row : rows) {
            Invoice invoice = crm.billing()
                    .invoice(InvoiceId.of((UUID) row.get("invoice_id")))
                    .orElseThrow();
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", invoice.tenant().value());
            expected.put("invoice_id", invoice.id().value());
            expected.put("number", invoice.number());
            expected.put("account_id", invoice.account().value());
            expected.put("account_name", accountName(invoice.account()));
            expected.put("status", invoice.status().name());
            expected.put("issue_date", invoice.issueDate());
            expected.put("due_date", invoice.dueDate());
            expected.put("currency", invoice.currency().getCurrencyCode());
            expected.put("net", amount(invoice.net()));
            expected.put("tax", amount(invoice.tax()));
            expected.put("total", amount(invoice.total()));
            expected.put("paid", amount(invoice.paid()));
            expected.put("credited", amount(invoice.credited()));
            expected.put(
                    "written_off",
                    invoice.state().writtenOff() == null
                            ? null
                            : amount(invoice.state().writtenOff()));
            expected.put("balance_due", amount(invoice.balanceDue()));
            expected.put("days_overdue", invoice.daysOverdue(today));
            expected.put("issued_at", invoice.issuedAt());
            assertThat(normalized(row)).as(invoice.number()).isEqualTo(expected);
        }
        assertThat(rows)
                .anySatisfy(row -> assertThat((Number) row.get("days_overdue")).isNotEqualTo(0L));
    }

    @Test
    void invoiceLinesAndTaxPerRateAreTheApisLinesAndTax() {
        List<Map<String, Object>> lines =
                rows("select * from crm_report_invoice_line order by invoice_id, line_number");
        List<Map<String, Object>> taxes = rows("select * from crm_report_invoice_tax");

        List<Map<String, Object>> expectedLines = new ArrayList<>();
        List<Map<String, Object>> expectedTaxes = new ArrayList<>();
        lines.stream().map(row -> (UUID) row.get("invoice_id")).distinct().forEach(id -> {
            Invoice invoice = crm.billing().invoice(InvoiceId.of(id)).orElseThrow();
            for (int i = 0; i < invoice.lines().size(); i++) {
                InvoiceLine line = invoice.lines().get(i);
                Map<String, Object> expected = new HashMap<>();
                expected.put("tenant_id", invoice.tenant().value());
                expected.put("invoice_id", id);
                expected.put("line_number", (long) i + 1);
                expected.put("currency", invoice.currency().getCurrencyCode());
                expected.put("description", line.description());
                expected.put("quantity", line.quantity().stripTrailingZeros());
                expected.put("unit_price", amount(line.unitPrice()));
                expected.put("tax_rate_percent", line.taxRatePercent().stripTrailingZeros());
                expected.put("net", amount(line.net()));
                expectedLines.add(expected);
            }
            Map<BigDecimal, Money> netByRate = new TreeMap<>();
            invoice.lines()
                    .forEach(line ->
                            netByRate.merge(line.taxRatePercent().stripTrailingZeros(), line.net(), Money::plus));
            invoice.taxByRate().forEach((rate, tax) -> {
                Map<String, Object> expected = new HashMap<>();
                expected.put("tenant_id", invoice.tenant().value());
                expected.put("invoice_id", id);
                expected.put("currency", invoice.currency().getCurrencyCode());
                expected.put("tax_rate_percent", rate.stripTrailingZeros());
                expected.put("net", amount(netByRate.get(rate)));
                expected.put("tax", amount(tax));
                expectedTaxes.add(expected);
            });
        });
        assertThat(lines.stream().map(this::normalized).toList()).containsExactlyInAnyOrderElementsOf(expectedLines);
        assertThat(taxes.stream().map(this::normalized).toList()).containsExactlyInAnyOrderElementsOf(expectedTaxes);
        assertThat(expectedLines).hasSize(5);
    }

    @Test
    void paymentsAreShownAsTheApiReturnsThem() {
        List<Map<String, Object>> rows = rows("select * from crm_report_payment");

        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            Payment payment = crm.billing()
                    .payment(PaymentId.of((UUID) row.get("payment_id")))
                    .orElseThrow();
            PaymentState state = payment.state();
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", state.tenant().value());
            expected.put("payment_id", state.id().value());
            expected.put("account_id", state.account().value());
            expected.put("account_name", accountName(state.account()));
            expected.put("received_on", state.receivedOn());
            expected.put("amount", amount(state.amount()));
            expected.put("currency", state.amount().currencyCode());
            expected.put("allocated", amount(payment.allocated()));
            expected.put("unallocated", amount(payment.unallocated()));
            expected.put("method", state.method().name());
            expected.put("reference", state.reference());
            expected.put("recorded_at", state.recordedAt());
            assertThat(normalized(row)).isEqualTo(expected);
        }
    }

    @Test
    void opportunitiesShowTheProbabilityAndForecastCategoryTheApiGives() {
        List<Map<String, Object>> rows = rows("select * from crm_report_opportunity");

        assertThat(rows).hasSize(4);
        for (Map<String, Object> row : rows) {
            Opportunity deal = crm.sales()
                    .opportunity(OpportunityId.of((UUID) row.get("opportunity_id")))
                    .orElseThrow();
            OpportunityState state = deal.state();
            Pipeline pipeline = crm.pipelines().pipeline(state.pipeline()).orElseThrow();
            Stage stage = pipeline.requireStage(state.stage());
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", state.tenant().value());
            expected.put("opportunity_id", state.id().value());
            expected.put("name", state.name());
            expected.put("account_id", state.account().value());
            expected.put("account_name", accountName(state.account()));
            expected.put("pipeline_id", state.pipeline().value());
            expected.put("pipeline_name", pipeline.name());
            expected.put("stage_id", state.stage().value());
            expected.put("stage_name", stage.name());
            expected.put("status", state.status().name());
            expected.put("amount", deal.amount() == null ? null : amount(deal.amount()));
            expected.put("currency", state.currency().getCurrencyCode());
            expected.put("probability", (long) deal.probabilityPercent(pipeline));
            expected.put("forecast_category", stage.forecastCategory().name());
            expected.put("expected_close_date", state.expectedCloseDate());
            expected.put("owner_id", state.owner().value());
            expected.put("owner_name", userName(state.owner()));
            expected.put("created_at", state.createdAt());
            expected.put("closed_at", state.closedAt());
            expected.put("close_reason", state.closeReason());
            assertThat(normalized(row)).as(state.name()).isEqualTo(expected);
        }
    }

    @Test
    void activitiesTasksAndCasesAreShownAsTheApiReturnsThem() {
        List<Map<String, Object>> activities = rows("select * from crm_report_activity");
        List<Map<String, Object>> tasks = rows("select * from crm_report_task");
        List<Map<String, Object>> cases = rows("select * from crm_report_case");

        assertThat(activities).hasSize(2);
        for (Map<String, Object> row : activities) {
            ActivityState activity = crm.activities()
                    .findActivity(ActivityId.of((UUID) row.get("activity_id")))
                    .orElseThrow()
                    .state();
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", activity.tenant().value());
            expected.put("activity_id", activity.id().value());
            expected.put("kind", activity.kind().name());
            expected.put(
                    "direction",
                    activity.direction() == null ? null : activity.direction().name());
            expected.put("occurred_at", activity.occurredAt());
            expected.put("subject", activity.subject());
            expected.put("summary", activity.summary());
            expected.put(
                    "outcome",
                    activity.outcome() == null ? null : activity.outcome().name());
            expected.put("contact_id", first(activity.contacts(), ContactId::value));
            expected.put("account_id", first(activity.accounts(), AccountId::value));
            expected.put("logged_by", activity.loggedBy().displayName());
            expected.put("logged_at", activity.loggedAt());
            assertThat(normalized(row)).isEqualTo(expected);
        }
        assertThat(tasks).hasSize(2);
        for (Map<String, Object> row : tasks) {
            TaskState task = crm.activities()
                    .findTask(TaskId.of((UUID) row.get("task_id")))
                    .orElseThrow()
                    .state();
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", task.tenant().value());
            expected.put("task_id", task.id().value());
            expected.put("subject", task.subject());
            expected.put("status", task.status().name());
            expected.put("priority", task.priority().name());
            expected.put("due_at", task.dueAt());
            expected.put("assignee_id", task.assignee().value());
            expected.put("assignee_name", userName(task.assignee()));
            expected.put(
                    "link_type", task.link() == null ? null : task.link().type().name());
            expected.put("link_id", task.link() == null ? null : task.link().id());
            expected.put("created_at", task.createdAt());
            expected.put("completed_at", task.completedAt());
            assertThat(normalized(row)).isEqualTo(expected);
        }
        assertThat(cases).hasSize(1);
        for (Map<String, Object> row : cases) {
            ServiceCaseState serviceCase = crm.serviceDesk()
                    .findCase(CaseId.of((UUID) row.get("case_id")))
                    .orElseThrow()
                    .state();
            Map<String, Object> expected = new HashMap<>();
            expected.put("tenant_id", serviceCase.tenant().value());
            expected.put("case_id", serviceCase.id().value());
            expected.put("subject", serviceCase.subject());
            expected.put(
                    "account_id",
                    serviceCase.account() == null ? null : serviceCase.account().value());
            expected.put(
                    "contact_id",
                    serviceCase.contact() == null ? null : serviceCase.contact().value());
            expected.put("channel", serviceCase.channel().name());
            expected.put(
                    "category",
                    serviceCase.category() == null
                            ? null
                            : serviceCase.category().value());
            expected.put("priority", serviceCase.priority().name());
            expected.put("status", serviceCase.status().name());
            expected.put(
                    "assignee_id",
                    serviceCase.assignee() == null
                            ? null
                            : serviceCase.assignee().value());
            expected.put("assignee_name", serviceCase.assignee() == null ? null : userName(serviceCase.assignee()));
            expected.put("opened_at", serviceCase.openedAt());
            expected.put("first_response_due_at", serviceCase.firstResponseDueAt());
            expected.put("first_responded_at", serviceCase.firstRespondedAt());
            expected.put("resolution_due_at", serviceCase.resolutionDueAt());
            expected.put("resolved_at", serviceCase.resolvedAt());
            expected.put("closed_at", serviceCase.closedAt());
            assertThat(normalized(row)).isEqualTo(expected);
        }
    }

    @Test
    void campaignMembersAreTheApisMembers() {
        List<Map<String, Object>> rows = rows("select * from crm_report_campaign_member");

        List<Map<String, Object>> expectedRows = new ArrayList<>();
        rows.stream().map(row -> (UUID) row.get("campaign_id")).distinct().forEach(id -> {
            CampaignState campaign = crm.campaigns()
                    .findCampaign(CampaignId.of(id))
                    .orElseThrow()
                    .state();
            for (CampaignMember member : crm.campaigns().members(campaign.id(), null, 100)) {
                Map<String, Object> expected = new HashMap<>();
                expected.put("tenant_id", campaign.tenant().value());
                expected.put("campaign_id", id);
                expected.put("campaign_name", campaign.name());
                expected.put("campaign_status", campaign.status().name());
                expected.put("member_type", member.member().type().name());
                expected.put("member_id", member.member().id());
                expected.put("member_status", member.status().name());
                expected.put("added_at", member.addedAt());
                expected.put("status_changed_at", member.statusChangedAt());
                expected.put("responded_at", member.respondedAt());
                expectedRows.add(expected);
            }
        });
        assertThat(rows.stream().map(this::normalized).toList()).containsExactlyInAnyOrderElementsOf(expectedRows);
        assertThat(expectedRows).hasSize(2);
    }

    @Test
    void theMinorUnitsOfTheViewsAreJavasForEveryCurrency() {
        Map<String, Object> digits = new HashMap<>();
        rows("select currency, digits from crm_report_currency_minor_unit")
                .forEach(row -> digits.put((String) row.get("currency"), ((Number) row.get("digits")).intValue()));

        for (Currency currency : Currency.getAvailableCurrencies()) {
            int javaDigits = currency.getDefaultFractionDigits();
            if (javaDigits >= 0) {
                assertThat(digits.getOrDefault(currency.getCurrencyCode(), 2))
                        .as(currency.getCurrencyCode())
                        .isEqualTo(javaDigits);
            }
        }
        // crm_report_invoice counts days overdue for these statuses, as Invoice.isOverdue does for its open ones
        assertThat(Arrays.stream(InvoiceStatus.values()).filter(InvoiceStatus::isOpen))
                .containsExactlyInAnyOrder(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
    }

    private static <T> UUID first(List<T> ids, Function<T, UUID> value) {
        return ids.isEmpty() ? null : value.apply(ids.get(0));
    }

    private String userName(UserId id) {
        return crm.access().findUser(id).map(User::name).orElse(null);
    }

    private String accountName(AccountId id) {
        return crm.parties().findAccount(id).orElseThrow().name();
    }

    private static BigDecimal amount(Money money) {
        return money.amount().stripTrailingZeros();
    }

    /** Numbers as BigDecimal without trailing zeros, integers as long, for comparing with the API's values. */
    private Map<String, Object> normalized(Map<String, Object> row) {
        Map<String, Object> result = new HashMap<>();
        row.forEach((column, value) -> result.put(
                column,
                value instanceof BigDecimal number
                        ? number.stripTrailingZeros()
                        : value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : value));
        return result;
    }

    /** The rows of a query, each as its columns in lower case: timestamps as Instant, dates as LocalDate. */
    private List<Map<String, Object>> rows(String sql) {
        var entityManager = database().entityManagerFactory().createEntityManager();
        try {
            return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery(sql)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                            Object value = switch (meta.getColumnType(i)) {
                                case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                                    OffsetDateTime time = result.getObject(i, OffsetDateTime.class);
                                    yield time == null ? null : time.toInstant();
                                }
                                case Types.DATE -> result.getObject(i, LocalDate.class);
                                case Types.NUMERIC, Types.DECIMAL -> {
                                    BigDecimal number = result.getBigDecimal(i);
                                    yield number == null ? null : number.stripTrailingZeros();
                                }
                                default -> result.getObject(i);
                            };
                            row.put(column, value);
                        }
                        rows.add(normalized(row));
                    }
                }
                return rows;
            });
        } finally {
            entityManager.close();
        }
    }
}
