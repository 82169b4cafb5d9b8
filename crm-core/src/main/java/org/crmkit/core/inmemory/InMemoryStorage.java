package org.crmkit.core.inmemory;

import java.time.Clock;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.CreditNoteRepository;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.PaymentRepository;
import org.crmkit.core.spi.PipelineRepository;
import org.crmkit.core.spi.QuotaRepository;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.Transactions;

/**
 * Every storage port kept in memory: thread-safe, serializable transactions with rollback, optimistic locking and
 * tenant isolation. Made for tests, demos and quick starts; data lives as long as the instance.
 */
public final class InMemoryStorage implements Storage {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryOutbox outbox;
    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository(transactions);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository(transactions);
    private final InMemoryCreditNoteRepository creditNotes = new InMemoryCreditNoteRepository(transactions);
    private final InMemoryPipelineRepository pipelines = new InMemoryPipelineRepository(transactions);
    private final InMemoryOpportunityRepository opportunities = new InMemoryOpportunityRepository(transactions);
    private final InMemoryQuotaRepository quotas = new InMemoryQuotaRepository(transactions);
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository(transactions);

    private InMemoryStorage(Clock clock) {
        this.outbox = new InMemoryOutbox(transactions, clock);
    }

    /** A new, empty store whose outbox stamps entries with the system UTC clock. */
    public static InMemoryStorage create() {
        return new InMemoryStorage(Clock.systemUTC());
    }

    /** A new, empty store whose outbox stamps entries with the given clock. */
    public static InMemoryStorage create(Clock clock) {
        return new InMemoryStorage(Require.notNull(clock, "clock"));
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public InvoiceRepository invoices() {
        return invoices;
    }

    @Override
    public PaymentRepository payments() {
        return payments;
    }

    @Override
    public CreditNoteRepository creditNotes() {
        return creditNotes;
    }

    @Override
    public PipelineRepository pipelines() {
        return pipelines;
    }

    @Override
    public OpportunityRepository opportunities() {
        return opportunities;
    }

    @Override
    public QuotaRepository quotas() {
        return quotas;
    }

    @Override
    public LeadRepository leads() {
        return leads;
    }
}
