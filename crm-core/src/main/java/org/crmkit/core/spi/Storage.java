package org.crmkit.core.spi;

/**
 * Everything crmkit stores, as one port: a repository per aggregate plus the transaction and outbox ports that
 * make a change and its events atomic. {@code InMemoryStorage} and {@code JpaStorage} implement it.
 */
public interface Storage {

    Transactions transactions();

    Outbox outbox();

    InvoiceRepository invoices();

    PaymentRepository payments();

    CreditNoteRepository creditNotes();

    PipelineRepository pipelines();

    OpportunityRepository opportunities();

    QuotaRepository quotas();

    LeadRepository leads();
}
