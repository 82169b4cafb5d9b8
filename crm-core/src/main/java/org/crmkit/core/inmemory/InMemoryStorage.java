package org.crmkit.core.inmemory;

import java.time.Clock;
import java.util.function.Supplier;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.core.spi.AuditTrail;
import org.crmkit.core.spi.CampaignMemberRepository;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.core.spi.ChangeLog;
import org.crmkit.core.spi.ChangeScope;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.CreditNoteRepository;
import org.crmkit.core.spi.CustomerScoreRepository;
import org.crmkit.core.spi.ForecastSnapshotRepository;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.core.spi.MergeRepository;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.PaymentRepository;
import org.crmkit.core.spi.PipelineRepository;
import org.crmkit.core.spi.QuotaRepository;
import org.crmkit.core.spi.RecordShareRepository;
import org.crmkit.core.spi.SegmentRepository;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TaskRepository;
import org.crmkit.core.spi.TeamRepository;
import org.crmkit.core.spi.TeamRotationRepository;
import org.crmkit.core.spi.TerritoryRepository;
import org.crmkit.core.spi.Transactions;
import org.crmkit.core.spi.UserRepository;

/**
 * Every storage port kept in memory: thread-safe, serializable transactions with rollback, optimistic locking and
 * tenant isolation. Made for tests, demos and quick starts; data lives as long as the instance.
 */
public final class InMemoryStorage implements Storage {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryOutbox outbox;
    private final InMemoryChangeLog changeLog;
    private final InMemoryRecordShareRepository shares = new InMemoryRecordShareRepository(transactions);
    private final InMemoryCustomerScoreRepository customerScores = new InMemoryCustomerScoreRepository(transactions);
    private final InMemoryContactRepository contacts =
            new InMemoryContactRepository(transactions, shares, customerScores);
    private final InMemoryAccountRepository accounts =
            new InMemoryAccountRepository(transactions, shares, customerScores);
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository(transactions);
    private final InMemoryTerritoryRepository territories = new InMemoryTerritoryRepository(transactions);
    private final InMemorySegmentRepository segments = new InMemorySegmentRepository(transactions, shares);
    private final InMemoryCampaignMemberRepository campaignMembers =
            new InMemoryCampaignMemberRepository(transactions, this::visibleMembers);
    private final InMemoryCampaignRepository campaigns =
            new InMemoryCampaignRepository(transactions, campaignMembers, shares);
    private final InMemoryPipelineRepository pipelines = new InMemoryPipelineRepository(transactions, shares);
    private final InMemoryOpportunityRepository opportunities = new InMemoryOpportunityRepository(transactions, shares);
    private final InMemoryQuotaRepository quotas = new InMemoryQuotaRepository(transactions);
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository(transactions, shares);
    private final InMemoryVisibleParents parents = new InMemoryVisibleParents(contacts, accounts, leads, opportunities);
    private final InMemoryActivityRepository activities = new InMemoryActivityRepository(transactions, parents);
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(transactions, parents);
    private final InMemoryCaseRepository cases = new InMemoryCaseRepository(transactions, parents);
    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository(transactions, parents);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository(transactions, parents);
    private final InMemoryCreditNoteRepository creditNotes = new InMemoryCreditNoteRepository(transactions, parents);
    private final InMemoryTeamRotationRepository teamRotations = new InMemoryTeamRotationRepository(transactions);
    private final InMemoryForecastSnapshotRepository forecastSnapshots =
            new InMemoryForecastSnapshotRepository(transactions);

    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(transactions);
    private final InMemoryMergeRepository merges = new InMemoryMergeRepository(transactions);

    private InMemoryStorage(Clock clock) {
        this.outbox = new InMemoryOutbox(transactions, clock);
        this.changeLog = new InMemoryChangeLog(
                transactions,
                clock,
                (tenant, account) -> accounts.findById(tenant, AccountId.of(account))
                        .map(found -> ChangeScope.of(found.state()))
                        .orElse(ChangeScope.NONE));
        transactions.recordChangesIn(changeLog);
    }

    /** A new, empty store whose outbox stamps entries with the system UTC clock. */
    public static InMemoryStorage create() {
        return new InMemoryStorage(Clock.systemUTC());
    }

    /** A new, empty store whose outbox stamps entries with the given clock. */
    public static InMemoryStorage create(Clock clock) {
        return new InMemoryStorage(Require.notNull(clock, "clock"));
    }

    /**
     * For the in-memory stores of other modules (crm-workflow's, for example) that keep their records next to
     * these: registers how to take back a change just made, run if the current transaction rolls back. Requires an
     * active transaction of {@link #transactions()}; the change itself must be made while it is active, so that it
     * is serialised with every other write.
     */
    public void onRollback(Runnable undo) {
        transactions.onRollback(Require.notNull(undo, "undo"));
    }

    /**
     * For the in-memory stores of other modules: runs a read that sees only committed state (or the calling
     * transaction's own changes), as the repositories of this store do.
     */
    public <T> T readCommitted(Supplier<T> query) {
        return transactions.read(Require.notNull(query, "query"));
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public ChangeLog changeLog() {
        return changeLog;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public ContactRepository contacts() {
        return contacts;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public TeamRepository teams() {
        return teams;
    }

    @Override
    public TerritoryRepository territories() {
        return territories;
    }

    @Override
    public SegmentRepository segments() {
        return segments;
    }

    @Override
    public ActivityRepository activities() {
        return activities;
    }

    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    @Override
    public CaseRepository cases() {
        return cases;
    }

    @Override
    public CampaignRepository campaigns() {
        return campaigns;
    }

    @Override
    public CampaignMemberRepository campaignMembers() {
        return campaignMembers;
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

    @Override
    public TeamRotationRepository teamRotations() {
        return teamRotations;
    }

    @Override
    public ForecastSnapshotRepository forecastSnapshots() {
        return forecastSnapshots;
    }

    @Override
    public RecordShareRepository shares() {
        return shares;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public MergeRepository merges() {
        return merges;
    }

    @Override
    public CustomerScoreRepository customerScores() {
        return customerScores;
    }

    /**
     * The campaign members a visibility lets through: of a campaign it sees (every campaign when it reads every one),
     * being a contact or lead it sees.
     */
    private InMemoryCampaignMemberRepository.VisibleMembers visibleMembers(Visibility visibility) {
        CampaignRepository visibleCampaigns = campaigns.visibleTo(visibility);
        return new InMemoryCampaignMemberRepository.VisibleMembers(
                (tenant, campaign) -> visibility.readsEvery(RecordType.CAMPAIGN)
                        || visibleCampaigns.findById(tenant, campaign).isPresent(),
                parents.owned(visibility));
    }
}
