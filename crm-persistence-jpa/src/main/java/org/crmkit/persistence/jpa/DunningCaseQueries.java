package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCaseStore.InvoiceOutsideCases;
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

    private DunningCaseQueries() {}

    /** Up to {@code limit} ids after {@code after} (null: from the first), in the database's order of ids. */
    static List<UUID> toEvaluate(EntityManager entityManager, TenantId tenant, LocalDate today, UUID after, int limit) {
        String afterCase = after == null ? "" : " and c.id > ?";
        String afterItem = after == null ? "" : " and i.case_id > ?";
        String sql = "select id from ("
                + "select c.id from crm_dunning_case c where c.tenant_id = ? and c.status = '" + CaseStatus.OPEN.name()
                + "' and c.next_step_on <= ?" + afterCase
                + " union select i.case_id from crm_dunning_case_item i left join crm_invoice v"
                + " on v.tenant_id = i.tenant_id and v.id = i.invoice_id where i.tenant_id = ?" + afterItem
                + " and (i.invoice_version is null or v.id is null or v.version <> i.invoice_version)"
                + ") due order by id fetch first " + limit + " rows only";
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

    /** See {@link org.crmkit.workflow.dunning.DunningCaseStore#findInvoicesOutsideOpenCases}. */
    static List<InvoiceOutsideCases> outsideOpenCases(
            EntityManager entityManager, TenantId tenant, LocalDate dueBefore, InvoiceOutsideCases after, int limit) {
        String sql = "select v.id, v.account_id, v.due_date, v.number from crm_invoice v where v.tenant_id = ?"
                + " and v.status in (" + OPEN_INVOICE + ") and v.due_date < ?"
                + (after == null ? "" : " and (v.due_date > ? or (v.due_date = ? and v.number > ?))")
                + " and not exists (select 1 from crm_dunning_case_item i"
                + " where i.tenant_id = v.tenant_id and i.invoice_id = v.id)"
                + " order by v.due_date, v.number fetch first " + limit + " rows only";
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
