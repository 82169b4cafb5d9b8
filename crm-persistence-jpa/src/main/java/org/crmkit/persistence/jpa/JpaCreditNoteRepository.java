package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.CreditNoteRepository;

/** Credit notes in {@code crm_credit_note} (see {@link CreditNoteMapping}). */
final class JpaCreditNoteRepository implements CreditNoteRepository {

    private static final UniqueValue<CreditNoteState> NUMBER =
            new UniqueValue<>("Credit note number", "number", CreditNoteState::number);

    private final StoredAggregates<CreditNote, CreditNoteState, CreditNoteRow> creditNotes;

    private final AggregateTable<CreditNoteState, CreditNoteRow> table;

    JpaCreditNoteRepository(AggregateTable<CreditNoteState, CreditNoteRow> table) {
        this.table = table;
        this.creditNotes = new StoredAggregates<>(table, CreditNote::state, CreditNote::restore, "creditNote");
    }

    @Override
    public CreditNoteRepository visibleTo(Visibility visibility) {
        return new JpaCreditNoteRepository(table.restrictedTo(VisibleChildren.ofAccount(visibility)));
    }

    @Override
    public Optional<CreditNote> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return creditNotes
                .listWithKey(
                        tenant,
                        LookupKey.externalRefName(CreditNoteMapping.EXTERNAL_REF_RECORD),
                        Require.notNull(ref, "externalRef"))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<CreditNote> findById(TenantId tenant, CreditNoteId id) {
        return creditNotes.findById(tenant, id);
    }

    @Override
    public Optional<CreditNote> findByNumber(TenantId tenant, String number) {
        return creditNotes.list(tenant, withNumber(Require.notNull(number, "number"))).stream()
                .findFirst();
    }

    @Override
    public CreditNote save(CreditNote creditNote) {
        return creditNotes.saveUnique(creditNote, NUMBER);
    }

    @Override
    public Page<CreditNote> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        return creditNotes.page(
                tenant,
                RowQuery.where("r.accountId = :account")
                        .bind("account", Require.notNull(account, "account").value())
                        .orderBy(CreditNoteMapping.ISSUE_ORDER),
                page);
    }

    @Override
    public List<CreditNote> findByInvoice(TenantId tenant, InvoiceId invoice) {
        return creditNotes.list(
                tenant,
                RowQuery.where("r.invoiceId = :invoice")
                        .bind("invoice", Require.notNull(invoice, "invoice").value())
                        .orderBy(CreditNoteMapping.ISSUE_ORDER));
    }

    private static RowQuery withNumber(String number) {
        return RowQuery.where("r.number = :number").bind("number", number);
    }
}
