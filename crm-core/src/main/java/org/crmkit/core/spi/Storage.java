package org.crmkit.core.spi;

/**
 * Everything crmkit stores, as one port: a repository per aggregate plus the transaction and outbox ports that
 * make a change and its events atomic. {@code InMemoryStorage} and {@code JpaStorage} implement it.
 */
public interface Storage {

    Transactions transactions();

    Outbox outbox();

    /** The change feed: every save and delete of every record, with per-tenant positions, and named consumers. */
    ChangeLog changeLog();

    ContactRepository contacts();

    AccountRepository accounts();

    UserRepository users();

    TeamRepository teams();

    TerritoryRepository territories();

    SegmentRepository segments();

    ActivityRepository activities();

    TaskRepository tasks();

    CaseRepository cases();

    CampaignRepository campaigns();

    InvoiceRepository invoices();

    PaymentRepository payments();

    CreditNoteRepository creditNotes();

    PipelineRepository pipelines();

    OpportunityRepository opportunities();

    QuotaRepository quotas();

    LeadRepository leads();

    TeamRotationRepository teamRotations();

    ForecastSnapshotRepository forecastSnapshots();

    /** The explicit shares of records, which the repositories' {@code visibleTo} views read. */
    RecordShareRepository shares();

    /** The audit trail: who changed which field of which record, and when. */
    AuditTrail auditTrail();

    /** The merges of contacts and accounts, with their before-images; what redirects merged ids. */
    MergeRepository merges();

    /** The analytics' scores of customers, written back by a score refresh. */
    CustomerScoreRepository customerScores();
}
