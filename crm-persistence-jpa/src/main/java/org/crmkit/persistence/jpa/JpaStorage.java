package org.crmkit.persistence.jpa;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.core.spi.AuditTrail;
import org.crmkit.core.spi.CampaignMemberRepository;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.core.spi.ChangeLog;
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
 * crmkit's {@link Storage}, every port of it, in a relational database through JPA, over an
 * {@link EntityManagerFactory} that the host owns
 * (and closes). The persistence unit must include the mapping file {@value #MAPPING_FILE}, and the database the
 * schema shipped under {@code db/migration/crmkit/<database>/} (see the module README).
 *
 * <p>Work runs in resource-local transactions of the adapter unless the host's transaction is active, which it
 * then joins (see {@link HostTransactions}). Thread-safe; create one per entity manager factory.
 */
public final class JpaStorage implements Storage {

    /** The JPA mapping file that lists crmkit's entities; add it to the host's persistence unit. */
    public static final String MAPPING_FILE = "META-INF/crmkit/orm.xml";

    private final JpaTransactions transactions;
    private final StateJson json;
    private final IdGenerator ids;
    private final JpaOutbox outbox;
    private final JpaContactRepository contacts;
    private final JpaAccountRepository accounts;
    private final JpaUserRepository users;
    private final JpaTeamRepository teams;
    private final JpaTerritoryRepository territories;
    private final UserAccessQuery userAccess;
    private final JpaSegmentRepository segments;
    private final JpaActivityRepository activities;
    private final JpaTaskRepository tasks;
    private final JpaCaseRepository cases;
    private final JpaMergeRepository merges;
    private final JpaCampaignRepository campaigns;
    private final JpaCampaignMemberRepository campaignMembers;
    private final JpaInvoiceRepository invoices;
    private final JpaPaymentRepository payments;
    private final JpaCreditNoteRepository creditNotes;
    private final JpaPipelineRepository pipelines;
    private final JpaOpportunityRepository opportunities;
    private final JpaQuotaRepository quotas;
    private final JpaForecastSnapshotRepository forecastSnapshots;
    private final JpaLeadRepository leads;
    private final JpaTeamRotationRepository teamRotations;
    private final JpaRecordShareRepository shares;
    private final JpaAuditTrail auditTrail;
    private final JpaChangeLog changeLog;
    private final JpaCustomerScoreRepository customerScores;

    private JpaStorage(Builder builder) {
        json = new StateJson(builder.json);
        ids = builder.ids != null ? builder.ids : new IdGenerator(builder.clock);
        transactions = new JpaTransactions(builder.entityManagerFactory, builder.host);
        outbox = new JpaOutbox(transactions, json, ids, builder.clock);
        changeLog = new JpaChangeLog(transactions, ids, builder.clock);
        transactions.recordChangesIn(changeLog);
        customerScores = new JpaCustomerScoreRepository(transactions);
        contacts = new JpaContactRepository(
                new AggregateTable<>(transactions, json, ids, new ContactMapping()), customerScores);
        accounts = new JpaAccountRepository(
                new AggregateTable<>(transactions, json, ids, new AccountMapping()), customerScores);
        users = new JpaUserRepository(new AggregateTable<>(transactions, json, ids, new UserMapping()));
        teams = new JpaTeamRepository(new AggregateTable<>(transactions, json, ids, new TeamMapping()));
        territories = new JpaTerritoryRepository(new AggregateTable<>(transactions, json, ids, new TerritoryMapping()));
        userAccess = new UserAccessQuery(transactions, json);
        segments = new JpaSegmentRepository(new AggregateTable<>(transactions, json, ids, new SegmentMapping()));
        activities = new JpaActivityRepository(new AggregateTable<>(transactions, json, ids, new ActivityMapping()));
        tasks = new JpaTaskRepository(new AggregateTable<>(transactions, json, ids, new TaskMapping()));
        cases = new JpaCaseRepository(new AggregateTable<>(transactions, json, ids, new CaseMapping()));
        campaigns = new JpaCampaignRepository(new AggregateTable<>(transactions, json, ids, new CampaignMapping()));
        invoices = new JpaInvoiceRepository(new AggregateTable<>(transactions, json, ids, new InvoiceMapping()));
        payments = new JpaPaymentRepository(new AggregateTable<>(transactions, json, ids, new PaymentMapping()));
        creditNotes =
                new JpaCreditNoteRepository(new AggregateTable<>(transactions, json, ids, new CreditNoteMapping()));
        pipelines = new JpaPipelineRepository(new AggregateTable<>(transactions, json, ids, new PipelineMapping()));
        opportunities =
                new JpaOpportunityRepository(new AggregateTable<>(transactions, json, ids, new OpportunityMapping()));
        quotas = new JpaQuotaRepository(new AggregateTable<>(transactions, json, ids, new QuotaMapping()));
        forecastSnapshots = new JpaForecastSnapshotRepository(
                new AggregateTable<>(transactions, json, ids, new ForecastSnapshotMapping()));
        leads = new JpaLeadRepository(new AggregateTable<>(transactions, json, ids, new LeadMapping()));
        teamRotations =
                new JpaTeamRotationRepository(new AggregateTable<>(transactions, json, ids, new TeamRotationMapping()));
        shares = new JpaRecordShareRepository(transactions, ids);
        auditTrail = new JpaAuditTrail(transactions);
        merges = new JpaMergeRepository(new AggregateTable<>(transactions, json, ids, new MergeMapping()));
        campaignMembers = new JpaCampaignMemberRepository(transactions);
    }

    /** A storage with the defaults: the system UTC clock, and resource-local transactions only. */
    public static JpaStorage create(EntityManagerFactory entityManagerFactory) {
        return builder(entityManagerFactory).build();
    }

    /** Starts a storage over the given entity manager factory; see {@link Builder} for the options. */
    public static Builder builder(EntityManagerFactory entityManagerFactory) {
        return new Builder(Require.notNull(entityManagerFactory, "entityManagerFactory"));
    }

    /**
     * Runs {@code work} with the entity manager of the transaction active on the thread (this storage's or the
     * host's, joined), or else in a transaction of its own, and returns its result: for a host's own store (a
     * workflow's state in the host's table) that must commit or roll back with crmkit's records. A failure of the
     * database comes back as crmkit's exception ({@code DuplicateRecordException} on a unique key,
     * {@code TransactionConflictException}, {@code StorageException}); the work should flush its writes before it
     * returns, so that such a failure names the write that caused it.
     */
    public <T> T withEntityManager(Function<EntityManager, T> work) {
        Require.notNull(work, "work");
        try {
            return transactions.withEntityManager(work);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /** The transactions of this storage, for the stores that join them (crm-workflow's). */
    JpaTransactions jpaTransactions() {
        return transactions;
    }

    /** The id generator of this storage, for the stores that join it. */
    IdGenerator ids() {
        return ids;
    }

    /** The JSON form of state records this storage writes, for the stores that join it. */
    StateJson json() {
        return json;
    }

    /** Runs work in one transaction, joining the one active on the thread (this adapter's or the host's). */
    @Override
    public Transactions transactions() {
        return transactions;
    }

    /** The outbox table {@code crm_outbox}, appended to in the transaction of the change. */
    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public ChangeLog changeLog() {
        return changeLog;
    }

    /** Contacts in {@code crm_contact}. */
    @Override
    public ContactRepository contacts() {
        return contacts;
    }

    /** Accounts in {@code crm_account}. */
    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    /** Users in {@code crm_user}. */
    @Override
    public UserRepository users() {
        return users;
    }

    /** Teams in {@code crm_team}. */
    @Override
    public TeamRepository teams() {
        return teams;
    }

    /** Territories in {@code crm_territory}. */
    @Override
    public TerritoryRepository territories() {
        return territories;
    }

    /** The user with its teams and territories, read in one statement. */
    @Override
    public Optional<UserAccess> userAccess(TenantId tenant, UserId user) {
        return userAccess.read(tenant, user);
    }

    /** Segments in {@code crm_segment}. */
    @Override
    public SegmentRepository segments() {
        return segments;
    }

    /** Activities in {@code crm_activity}, each record they concern in {@code crm_lookup}. */
    @Override
    public ActivityRepository activities() {
        return activities;
    }

    /** Tasks in {@code crm_task}. */
    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    /** Merges of contacts and accounts in {@code crm_merge}, with their before-images. */
    @Override
    public MergeRepository merges() {
        return merges;
    }

    /** Service cases in {@code crm_case}. */
    @Override
    public CaseRepository cases() {
        return cases;
    }

    /** Campaigns in {@code crm_campaign}, their members in {@code crm_lookup}. */
    @Override
    public CampaignRepository campaigns() {
        return campaigns;
    }

    @Override
    public CampaignMemberRepository campaignMembers() {
        return campaignMembers;
    }

    /** Invoices in {@code crm_invoice}, numbers unique per tenant. */
    @Override
    public InvoiceRepository invoices() {
        return invoices;
    }

    /** Payments in {@code crm_payment}. */
    @Override
    public PaymentRepository payments() {
        return payments;
    }

    /** Credit notes in {@code crm_credit_note}, numbers unique per tenant. */
    @Override
    public CreditNoteRepository creditNotes() {
        return creditNotes;
    }

    /** Sales pipelines in {@code crm_pipeline}. */
    @Override
    public PipelineRepository pipelines() {
        return pipelines;
    }

    /** Opportunities in {@code crm_opportunity}. */
    @Override
    public OpportunityRepository opportunities() {
        return opportunities;
    }

    /** Forecast snapshots in {@code crm_forecast_snapshot}. */
    @Override
    public ForecastSnapshotRepository forecastSnapshots() {
        return forecastSnapshots;
    }

    /** Quotas in {@code crm_quota}. */
    @Override
    public QuotaRepository quotas() {
        return quotas;
    }

    /** Leads in {@code crm_lead}. */
    @Override
    public LeadRepository leads() {
        return leads;
    }

    /** Explicit shares of records in {@code crm_record_share}. */
    @Override
    public RecordShareRepository shares() {
        return shares;
    }

    /** The round-robin turn of each team in {@code crm_team_rotation}. */
    @Override
    public TeamRotationRepository teamRotations() {
        return teamRotations;
    }

    /** The audit trail in {@code crm_audit_trail}. */
    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Options of a {@link JpaStorage}; every one has a default. Not thread-safe; build once. */
    @Override
    public CustomerScoreRepository customerScores() {
        return customerScores;
    }

    public static final class Builder {

        private final EntityManagerFactory entityManagerFactory;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private HostTransactions host = HostTransactions.NONE;
        private Consumer<ObjectMapper> json = mapper -> {};

        private Builder(EntityManagerFactory entityManagerFactory) {
            this.entityManagerFactory = entityManagerFactory;
        }

        /** The clock that stamps outbox entries and publication times; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Require.notNull(clock, "clock");
            return this;
        }

        /** The generator of outbox event ids and lookup keys; by default a time-ordered one on the clock. */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = Require.notNull(ids, "idGenerator");
            return this;
        }

        /** The host's transactions, to be joined when active; {@link HostTransactions#NONE} by default. */
        public Builder hostTransactions(HostTransactions host) {
            this.host = Require.notNull(host, "hostTransactions");
            return this;
        }

        /**
         * Adjusts the Jackson mapper that writes states and events as JSON, e.g. to register a module for a value
         * type of the host's own. The default handles every crmkit type; changing how those are written makes
         * stored documents unreadable.
         */
        public Builder json(Consumer<ObjectMapper> customizer) {
            this.json = Require.notNull(customizer, "json");
            return this;
        }

        public JpaStorage build() {
            return new JpaStorage(this);
        }
    }
}
