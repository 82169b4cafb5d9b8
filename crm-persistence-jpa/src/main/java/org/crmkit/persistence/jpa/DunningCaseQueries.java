package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCaseStore.InvoiceOutsideCases;
import org.crmkit.workflow.dunning.DunningHold;
import org.hibernate.Session;

/**
 * What a run of dunning reads to find its work, in SQL over the cases, their item rows ({@link DunningCaseRows}) and
 * crmkit's invoices, on the connection of the current unit of work: the ids of the open cases due (a range of the
 * index {@code crm_dunning_case_open_by_next_step}) or with an invoice changed since they last looked (their item rows
 * against the invoices' versions), and the open invoices due by a day that no open case holds (a range of
 * {@code crm_invoice_open_by_due}, each invoice probed in {@code crm_dunning_case_item_by_invoice}). Neither reads a
 * JSON document.
 */
final class DunningCaseQueries {

    private static final String OPEN_INVOICE =
            InvoiceMapping.OPEN.stream().map(status -> "'" + status + "'").collect(Collectors.joining(", "));

    private static final int HOLDS_PER_STATEMENT = 128;
    private static final String HOLDS = "select subject_type, subject_id, reason, since from crm_dunning_hold"
            + " where tenant_id = ? and subject_type in ("
            + Arrays.stream(RecordType.values())
                    .map(type -> "'" + type.name() + "'")
                    .collect(Collectors.joining(", "))
            + ") and subject_id in (" + String.join(", ", Collections.nCopies(HOLDS_PER_STATEMENT, "?")) + ")";

    private DunningCaseQueries() {}

    /**
     * The holds on any of the subject ids, of any record type (so that the key's index serves the statement), in one
     * JDBC statement per {@value #HOLDS_PER_STATEMENT} ids on the connection of the current unit of work (which sees
     * the holds it put or lifted: those are flushed at once). Not a Hibernate query: a chunk asks for the holds of
     * hundreds of accounts and invoices, nearly always none, and Hibernate's handling of the query and its parameters
     * cost more than the statement.
     */
    static List<DunningHold> holdsAmong(EntityManager entityManager, TenantId tenant, List<UUID> subjectIds) {
        List<DunningHold> holds = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(HOLDS)) {
                for (int from = 0; from < subjectIds.size(); from += HOLDS_PER_STATEMENT) {
                    read.setString(1, tenant.value());
                    for (int i = 0; i < HOLDS_PER_STATEMENT; i++) {
                        // a short last chunk repeats its last id, so that every chunk is the one prepared statement
                        read.setObject(i + 2, subjectIds.get(Math.min(from + i, subjectIds.size() - 1)));
                    }
                    try (ResultSet found = read.executeQuery()) {
                        while (found.next()) {
                            holds.add(new DunningHold(
                                    tenant,
                                    new RecordRef(
                                            RecordType.valueOf(found.getString(1)), found.getObject(2, UUID.class)),
                                    found.getString(3),
                                    found.getObject(4, LocalDate.class)));
                        }
                    }
                }
            }
        });
        return holds;
    }

    /**
     * The ids of the open cases due by a day ({@code ?} 2) or with an item whose invoice changed, of a tenant ({@code
     * ?} 1 and 3, or 1 and 4 when {@code after}), after an id ({@code ?} 3 and 5 when {@code after}), in the
     * database's order of ids. Each item's invoice is looked up by its key in a sub-plan of its own, which PostgreSQL
     * runs as one probe of {@code crm_invoice_pk} per item row: so the statement reads the open cases' item rows and
     * their invoices, whatever the planner's statistics say, never a tenant's other invoices (as a join it was planned
     * as a hash join over a sequential scan of every invoice).
     */
    static String toEvaluateSql(boolean after, int limit) {
        return "select id from ("
                + "select c.id from crm_dunning_case c where c.tenant_id = ? and c.status = '" + CaseStatus.OPEN.name()
                + "' and c.next_step_on <= ?" + (after ? " and c.id > ?" : "")
                + " union select i.case_id from crm_dunning_case_item i where i.tenant_id = ?"
                + (after ? " and i.case_id > ?" : "")
                + " and (i.invoice_version is null or i.invoice_version is distinct from (select v.version"
                + " from crm_invoice v where v.tenant_id = i.tenant_id and v.id = i.invoice_id))"
                + ") due order by id fetch first " + limit + " rows only";
    }

    /** Up to {@code limit} ids after {@code after} (null: from the first), in the database's order of ids. */
    static List<UUID> toEvaluate(EntityManager entityManager, TenantId tenant, LocalDate today, UUID after, int limit) {
        String sql = toEvaluateSql(after != null, limit);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                int index = 1;
                read.setString(index++, tenant.value());
                read.setObject(index++, today);
                if (after != null) {
                    read.setObject(index++, after);
                }
                read.setString(index++, tenant.value());
                if (after != null) {
                    read.setObject(index, after);
                }
                List<UUID> ids = new ArrayList<>();
                try (ResultSet found = read.executeQuery()) {
                    while (found.next()) {
                        ids.add(found.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * The open invoices of a tenant ({@code ?} 1) due before a day ({@code ?} 2), after a due date and number ({@code
     * ?} 3 to 5 when {@code after}), that are an item of no case, by due date and number. {@code offset 0 rows} keeps
     * the test of the item rows a sub-plan, one probe of {@code crm_dunning_case_item_by_invoice} per invoice: as an
     * anti-join its plan would follow the item rows' statistics, which lag behind a morning that opened thousands of
     * cases, and may scan every item row of every tenant.
     */
    static String outsideOpenCasesSql(boolean after, int limit) {
        return "select v.id, v.account_id, v.due_date, v.number from crm_invoice v where v.tenant_id = ?"
                + " and v.status in (" + OPEN_INVOICE + ") and v.due_date < ?"
                + (after ? " and (v.due_date > ? or (v.due_date = ? and v.number > ?))" : "")
                + " and not exists (select 1 from crm_dunning_case_item i"
                + " where i.tenant_id = v.tenant_id and i.invoice_id = v.id offset 0 rows)"
                + " order by v.due_date, v.number fetch first " + limit + " rows only";
    }

    /** See {@link org.crmkit.workflow.dunning.DunningCaseStore#findInvoicesOutsideOpenCases}. */
    static List<InvoiceOutsideCases> outsideOpenCases(
            EntityManager entityManager, TenantId tenant, LocalDate dueBefore, InvoiceOutsideCases after, int limit) {
        String sql = outsideOpenCasesSql(after != null, limit);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                read.setString(1, tenant.value());
                read.setObject(2, dueBefore);
                if (after != null) {
                    read.setObject(3, after.dueDate());
                    read.setObject(4, after.dueDate());
                    read.setString(5, after.number());
                }
                List<InvoiceOutsideCases> invoices = new ArrayList<>();
                try (ResultSet found = read.executeQuery()) {
                    while (found.next()) {
                        invoices.add(new InvoiceOutsideCases(
                                InvoiceId.of(found.getObject(1, UUID.class)),
                                AccountId.of(found.getObject(2, UUID.class)),
                                found.getObject(3, LocalDate.class),
                                found.getString(4)));
                    }
                }
                return invoices;
            }
        });
    }
}
