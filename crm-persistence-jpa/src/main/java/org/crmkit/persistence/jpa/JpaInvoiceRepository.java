package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.InvoiceRepository;

/** Invoices in {@code crm_invoice} (see {@link InvoiceMapping}). */
final class JpaInvoiceRepository implements InvoiceRepository {

    private static final UniqueValue<InvoiceState> NUMBER =
            new UniqueValue<>("Invoice number", "number", InvoiceState::number);
    private static final IdParameters IDS = new IdParameters(100);
    /** Open invoices of up to 100 accounts; the open statuses are written into the statement, not bound as a list. */
    /** The open statuses as literals, so that the statement is translated once (no list parameter). */
    private static final String OPEN_STATUSES =
            InvoiceMapping.OPEN.stream().map(status -> "'" + status + "'").collect(Collectors.joining(", "));

    private static final String OPEN_OF_ACCOUNTS =
            "r.status in (" + OPEN_STATUSES + ") and r.accountId in (" + IDS.placeholders() + ")";
    private static final String WITH_IDS = "r.id in (" + IDS.placeholders() + ")";

    private final StoredAggregates<Invoice, InvoiceState, InvoiceRow> invoices;

    private final AggregateTable<InvoiceState, InvoiceRow> table;

    JpaInvoiceRepository(AggregateTable<InvoiceState, InvoiceRow> table) {
        this.table = table;
        this.invoices = new StoredAggregates<>(table, Invoice::state, Invoice::restore, "invoice");
    }

    @Override
    public InvoiceRepository visibleTo(Visibility visibility) {
        return new JpaInvoiceRepository(table.restrictedTo(VisibleChildren.ofAccount(visibility)));
    }

    @Override
    public Optional<Invoice> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return invoices
                .listWithKey(
                        tenant,
                        LookupKey.externalRefName(InvoiceMapping.EXTERNAL_REF_RECORD),
                        Require.notNull(ref, "externalRef"))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Invoice> findById(TenantId tenant, InvoiceId id) {
        return invoices.findById(tenant, id);
    }

    @Override
    public Optional<Invoice> findByNumber(TenantId tenant, String number) {
        return invoices.list(tenant, withNumber(Require.notNull(number, "number"))).stream()
                .findFirst();
    }

    @Override
    public Invoice save(Invoice invoice) {
        return invoices.saveUnique(invoice, NUMBER);
    }

    /** Inserts new invoices in JDBC batches (see the module README for the settings); all or, when one is refused, none. */
    @Override
    public List<Invoice> saveAll(List<Invoice> batch) {
        return invoices.saveAllUnique(batch, NUMBER);
    }

    @Override
    public Page<Invoice> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        return invoices.page(tenant, ofAccount(account), page);
    }

    @Override
    public List<Invoice> findOpenByAccount(TenantId tenant, AccountId account) {
        return invoices.list(tenant, ofAccount(account).and("r.status in :open").bind("open", InvoiceMapping.OPEN));
    }

    /** One statement per 100 accounts (see {@link IdParameters}), each account's invoices by due date, then number. */
    @Override
    public List<Invoice> findOpenByAccounts(TenantId tenant, Collection<AccountId> accounts) {
        return invoices.listAmong(
                tenant,
                IDS,
                OPEN_OF_ACCOUNTS,
                Require.noNulls(accounts, "accounts").stream()
                        .map(AccountId::value)
                        .toList(),
                "r.accountId, " + InvoiceMapping.DUE_ORDER);
    }

    /** One statement per 100 ids (see {@link IdParameters}). */
    @Override
    public List<Invoice> findByIds(TenantId tenant, Collection<InvoiceId> ids) {
        return invoices.listAmong(
                tenant,
                IDS,
                WITH_IDS,
                Require.noNulls(ids, "ids").stream().map(InvoiceId::value).toList(),
                "r.id");
    }

    @Override
    public Page<Invoice> findOverdue(TenantId tenant, LocalDate asOf, PageRequest page) {
        return invoices.page(
                tenant,
                RowQuery.where("r.status in :open and r.dueDate < :asOf")
                        .bind("open", InvoiceMapping.OPEN)
                        .bind("asOf", Require.notNull(asOf, "asOf"))
                        .orderBy(InvoiceMapping.DUE_ORDER),
                page);
    }

    /** One range of the index {@code crm_invoice_open_by_due}: the rows after the cursor's due date and number. */
    @Override
    public List<Invoice> findOverdueAfter(TenantId tenant, LocalDate asOf, Invoice after, int limit) {
        RowQuery overdue = RowQuery.where("r.status in (" + OPEN_STATUSES + ") and r.dueDate < :asOf")
                .bind("asOf", Require.notNull(asOf, "asOf"));
        if (after != null) {
            overdue = overdue.and("(r.dueDate > :afterDue or (r.dueDate = :afterDue and r.number > :afterNumber))")
                    .bind("afterDue", after.dueDate())
                    .bind("afterNumber", after.number());
        }
        return invoices.first(tenant, overdue.orderBy(InvoiceMapping.DUE_ORDER), Require.positive(limit, "limit"));
    }

    /** One range of the index {@code crm_invoice_by_issue}, the statuses filtered within it. */
    @Override
    public List<Invoice> findIssuedBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        return invoices.first(
                tenant,
                between("r.issueDate", from, to, statuses, after == null ? null : after.issueDate(), after)
                        .orderBy(InvoiceMapping.ISSUE_ORDER),
                Require.positive(limit, "limit"));
    }

    /** One range of the index {@code crm_invoice_by_due}, the statuses filtered within it. */
    @Override
    public List<Invoice> findDueBetween(
            TenantId tenant, LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        return invoices.first(
                tenant,
                between("r.dueDate", from, to, statuses, after == null ? null : after.dueDate(), after)
                        .orderBy(InvoiceMapping.DUE_ORDER),
                Require.positive(limit, "limit"));
    }

    /**
     * Rows whose {@code dateColumn} lies in the range, in one of the statuses (empty: any), after the cursor's date
     * and number.
     */
    private static RowQuery between(
            String dateColumn,
            LocalDate from,
            LocalDate to,
            Set<InvoiceStatus> statuses,
            LocalDate afterDate,
            Invoice after) {
        RowQuery query = RowQuery.where(dateColumn + " >= :from and " + dateColumn + " <= :to")
                .bind("from", Require.notNull(from, "from"))
                .bind("to", Require.notNull(to, "to"));
        if (!Require.noNulls(statuses, "statuses").isEmpty()) {
            query = query.and("r.status in :statuses")
                    .bind("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (after != null) {
            query = query.and("(" + dateColumn + " > :afterDate or (" + dateColumn + " = :afterDate"
                            + " and r.number > :afterNumber))")
                    .bind("afterDate", afterDate)
                    .bind("afterNumber", after.number());
        }
        return query;
    }

    private static RowQuery withNumber(String number) {
        return RowQuery.where("r.number = :number").bind("number", number);
    }

    private static RowQuery ofAccount(AccountId account) {
        return RowQuery.where("r.accountId = :account")
                .bind("account", Require.notNull(account, "account").value())
                .orderBy(InvoiceMapping.DUE_ORDER);
    }
}
