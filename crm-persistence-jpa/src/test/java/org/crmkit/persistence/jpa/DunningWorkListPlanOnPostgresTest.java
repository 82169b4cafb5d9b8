package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two statements that find a morning's dunning work read, on PostgreSQL, what can be due and not a tenant's other
 * rows, whatever the planner's statistics say: the check for changed invoices probes the item rows' invoices by key
 * instead of scanning every invoice of the tenant, and the overdue invoices outside open cases each probe the item
 * rows by invoice instead of scanning every item row. The tenant has 2,000 accounts with 10 open invoices each, one
 * of them overdue and held by an open case whose item saw its current version; the plans are measured
 * ({@code explain analyze}) once with statistics taken before the tenant's cases were opened (another tenant's 2,000
 * item rows then stood for the whole table, as after a morning that opened thousands of cases) and once with fresh
 * ones.
 */
class DunningWorkListPlanOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void theWorkListReadsTheCasesItemsAndTheOverdueInvoicesNotEveryInvoiceOrItemRow() throws SQLException {
        openCasesOnOneOverdueInvoicePerAccount("other", 2_000);
        database.execute("analyze");
        openCasesOnOneOverdueInvoicePerAccount("default", 2_000);

        assertThat(changedCasesPlan()).doesNotContain("Seq Scan on crm_invoice");
        assertThat(invoicesOutsideCasesPlan()).doesNotContain("Seq Scan on crm_dunning_case_item");

        database.execute("analyze");

        assertThat(changedCasesPlan()).doesNotContain("Seq Scan on crm_invoice");
        assertThat(invoicesOutsideCasesPlan()).doesNotContain("Seq Scan on crm_dunning_case_item");
    }

    /**
     * {@code accounts} accounts' 10 open invoices each, the first 30 days overdue and the others due later, and an
     * item row of an open case for each overdue one with the invoice's version (only the columns the statements read
     * matter).
     */
    private static void openCasesOnOneOverdueInvoicePerAccount(String tenant, int accounts) {
        database.execute("insert into crm_invoice (tenant_id, id, version, number, account_id, status, due_date,"
                + " issue_date, document) select '" + tenant + "', gen_random_uuid(), 1, 'INV-' || n,"
                + " gen_random_uuid(), 'ISSUED', date '" + TODAY + "' + case when n % 10 = 0 then -30 else n % 10 * 3"
                + " end, date '" + TODAY.minusDays(60) + "', '{}'::jsonb from generate_series(1, " + accounts * 10
                + ") n");
        database.execute("insert into crm_dunning_case_item (tenant_id, case_id, invoice_id, invoice_version)"
                + " select tenant_id, gen_random_uuid(), id, version from crm_invoice where tenant_id = '" + tenant
                + "' and due_date < date '" + TODAY + "'");
    }

    private static String changedCasesPlan() throws SQLException {
        return plan(DunningCaseQueries.toEvaluateSql(false, 1000), "default", TODAY, "default");
    }

    private static String invoicesOutsideCasesPlan() throws SQLException {
        return plan(DunningCaseQueries.outsideOpenCasesSql(false, 1000), "default", TODAY.plusDays(1));
    }

    /** PostgreSQL's plan of the statement with the parameters, as run ({@code explain analyze}). */
    private static String plan(String sql, Object... parameters) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }
}
