package org.crmkit.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.access.FieldSecurity;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.service.ServiceLevel;
import org.crmkit.core.spi.ActorResolver;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;

/**
 * The entry point of crmkit: build it once per application and reach every use case through it.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .storage(InMemoryStorage.create())
 *         .clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 *
 * Thread-safe: the services it hands out may be shared by all threads of the host.
 */
public final class Crm {

    private final UseCases useCases;
    private final EventRelay relay;
    private final Parties parties;
    private final Access access;
    private final Segments segments;
    private final Activities activities;
    private final ServiceDesk serviceDesk;
    private final Campaigns campaigns;
    private final Billing billing;
    private final Sales sales;
    private final Pipelines pipelines;
    private final Forecasts forecasts;
    private final Leads leads;
    private final Events events;
    private final Duplicates duplicates;
    private final Privacy privacy;
    private final Merges merges;
    private final ChangeFeed changeFeed;
    private final DeviceSync sync;
    private final Scores scores;
    private final Offers offers;

    private Crm(Builder builder) {
        this.relay = new EventRelay(builder.storage, builder.eventListeners, builder.eventDeliveryAttempts);
        this.useCases = new UseCases(
                builder.storage,
                builder.clock,
                builder.tenantResolver,
                builder.actorResolver,
                relay,
                builder.sharing,
                builder.fieldSecurity,
                new AuditRecorder(builder.auditedTypes));
        DuplicateCheck duplicateCheck = new DuplicateCheck(useCases, builder.duplicateRules);
        this.parties = new Parties(useCases, duplicateCheck);
        this.duplicates = new Duplicates(useCases, duplicateCheck, parties);
        this.access = new Access(useCases);
        this.segments = new Segments(useCases);
        this.activities = new Activities(useCases, builder.taskReminders);
        this.serviceDesk = new ServiceDesk(useCases, builder.serviceLevel);
        this.campaigns = new Campaigns(useCases);
        this.billing = new Billing(useCases);
        this.sales = new Sales(useCases);
        this.pipelines = new Pipelines(useCases);
        this.forecasts = new Forecasts(useCases);
        this.leads = new Leads(useCases, builder.leadScoring, builder.leadAssignment, parties, sales);
        this.events = new Events(useCases);
        this.privacy = new Privacy(useCases);
        this.merges = new Merges(useCases);
        this.changeFeed = new ChangeFeed(useCases);
        this.sync = new DeviceSync(useCases, changeFeed, parties, activities);
        this.scores = new Scores(useCases);
        this.offers = new Offers(useCases, builder.offerRules, scores);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Contacts and accounts: registration, contact points, consent, relationships, lookups. */
    public Parties parties() {
        return parties;
    }

    /** Users, teams, territories and who sees which record. */
    public Access access() {
        return access;
    }

    /** Saved segments of contacts or accounts and their evaluation. */
    public Segments segments() {
        return segments;
    }

    /** The clock every use case reads time from. */
    public Clock clock() {
        return useCases.clock;
    }

    /** Interaction history, timelines and tasks. */
    public Activities activities() {
        return activities;
    }

    /** Customer service cases under the configured service level. */
    public ServiceDesk serviceDesk() {
        return serviceDesk;
    }

    /** Marketing campaigns, their members, responses and costs. */
    public Campaigns campaigns() {
        return campaigns;
    }

    /** Invoices, payments, credit notes and account balances. */
    public Billing billing() {
        return billing;
    }

    /** Opportunities (deals): opening, stage moves, won and lost, stale deal alerts. */
    public Sales sales() {
        return sales;
    }

    /** Pipelines: their stages, gates, close reasons and staleness rule. */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** Forecasts against quotas, forecast snapshots and accuracy, pipeline metrics. */
    public Forecasts forecasts() {
        return forecasts;
    }

    /** Lead capture, qualification and ownership. */
    public Leads leads() {
        return leads;
    }

    /** Subject access exports, erasure of a person's data, and the audit trail. */
    public Privacy privacy() {
        return privacy;
    }

    /** Duplicate detection: candidates, registration reporting them, scans of contacts and accounts. */
    public Duplicates duplicates() {
        return duplicates;
    }

    /** Merges of duplicate contacts or accounts, unmerges, and reads that follow merged ids to their survivors. */
    public Merges merges() {
        return merges;
    }

    /** The calling tenant's change feed: every committed change of every record, and its named consumers. */
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /**
     * Offline devices: each user's subscription, the initial sync of its slice, what changed in it since, and the
     * changes a device made offline.
     */
    public DeviceSync sync() {
        return sync;
    }

    /** The analytics' scores of customers (tier, RFM segment, predicted value), as a score refresh wrote them. */
    public Scores scores() {
        return scores;
    }

    /** The offer for a contact on an occasion, chosen by the tenant's offer rules. */
    public Offers offers() {
        return offers;
    }

    /** The dead letters: events the listeners failed on as often as the relay tries. */
    public Events events() {
        return events;
    }

    /**
     * Adds a listener that receives every domain event whose delivery starts after this call, besides the
     * listeners given to the builder; for a component built after the {@code Crm}, such as a workflow runtime.
     * Close the returned subscription to remove the listener. Thread-safe.
     */
    public EventSubscription subscribe(EventListener listener) {
        return relay.subscribe(Require.notNull(listener, "listener"));
    }

    /**
     * Runs {@code change} (typically several calls of crmkit's services) as one transaction, and runs it again in a
     * fresh transaction when it failed on a conflict with a concurrent writer: a {@link StaleVersionException} (a
     * record it read was changed meanwhile) or a {@link org.crmkit.core.common.TransactionConflictException} (a
     * deadlock or serialization failure). At most {@code maxAttempts} runs in all; when the last one fails on a conflict too, that conflict is
     * thrown. Any other exception is thrown at once, without another run. The change must read what it changes
     * inside itself, so that each run sees the records as they are then; its events are relayed after the commit of
     * the run that succeeded.
     *
     * <p>Must be called outside a transaction: inside one, the runs would join it and could not start afresh, so
     * that is refused with an {@link IllegalTransitionException}. Thread-safe.
     *
     * @param maxAttempts at least 1
     */
    public <T> T retrying(int maxAttempts, Supplier<T> change) {
        return useCases.retrying(maxAttempts, change);
    }

    /** {@link #retrying(int, Supplier)} for a change that returns nothing. */
    public void retrying(int maxAttempts, Runnable change) {
        Require.notNull(change, "change");
        retrying(maxAttempts, () -> {
            change.run();
            return null;
        });
    }

    /**
     * Delivers committed events that are still pending (e.g. after a listener failed) to the listeners, trying each
     * failed one once more. Returns how many were delivered by this call; 0 when called by a listener (the run in
     * progress delivers them). Changes made through crmkit trigger this on their own after each commit. Nothing a
     * listener throws comes out of here: it counts as a failed attempt of that event.
     */
    public int publishPendingEvents() {
        return relay.publishPending();
    }

    /** Configures a {@link Crm}. Only the storage is required. */
    public static final class Builder {

        /** How often the relay tries an event unless told otherwise: {@value}. */
        public static final int DEFAULT_EVENT_DELIVERY_ATTEMPTS = 10;

        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private TenantResolver tenantResolver = TenantResolver.fixed(TenantId.DEFAULT);
        private ActorResolver actorResolver = ActorResolver.fixed(Actor.SYSTEM);
        private final List<EventListener> eventListeners = new ArrayList<>();
        private int eventDeliveryAttempts = DEFAULT_EVENT_DELIVERY_ATTEMPTS;
        private ServiceLevel serviceLevel = ServiceLevel.standard();
        private LeadScoringModel leadScoring = LeadScoringModel.NONE;
        private LeadAssignmentRules leadAssignment = LeadAssignmentRules.NONE;
        private TaskReminderPolicy taskReminders = TaskReminderPolicy.standard();
        private Function<TenantId, DuplicateRules> duplicateRules = tenant -> DuplicateRules.standard();
        private SharingModel sharing = SharingModel.openToAll();
        private FieldSecurity fieldSecurity = FieldSecurity.none();
        private Function<TenantId, OfferRules> offerRules = tenant -> OfferRules.none();
        private final Set<RecordType> auditedTypes = EnumSet.noneOf(RecordType.class);

        private Builder() {}

        /** Where records are kept: {@code InMemoryStorage.create()}, {@code JpaStorage.create(emf)} or your own. */
        public Builder storage(Storage storage) {
            this.storage = Require.notNull(storage, "storage");
            return this;
        }

        /** The clock all time-dependent behaviour reads; defaults to {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Require.notNull(clock, "clock");
            return this;
        }

        /** Who the calling tenant is; defaults to {@link TenantId#DEFAULT}. */
        public Builder tenantResolver(TenantResolver tenantResolver) {
            this.tenantResolver = Require.notNull(tenantResolver, "tenantResolver");
            return this;
        }

        /** Shortcut for a single-tenant host that is not the default tenant. */
        public Builder tenant(TenantId tenant) {
            return tenantResolver(TenantResolver.fixed(Require.notNull(tenant, "tenant")));
        }

        /**
         * Who may read and change contacts, accounts, leads and opportunities; defaults to {@link
         * SharingModel#openToAll()}, which restricts nothing. A model that restricts needs an actor resolver that
         * names crmkit users ({@link Actor#user}) or {@link Actor#SYSTEM} (workflows, synchronisation), which is
         * never restricted; another actor is refused with an {@code AccessDeniedException}.
         */
        public Builder sharingModel(SharingModel sharingModel) {
            this.sharing = Require.notNull(sharingModel, "sharingModel");
            return this;
        }

        /**
         * Which roles read and edit the restricted fields of contacts and accounts; defaults to {@link
         * FieldSecurity#none()}. The system actor and active administrators are not restricted.
         */
        public Builder fieldSecurity(FieldSecurity fieldSecurity) {
            this.fieldSecurity = Require.notNull(fieldSecurity, "fieldSecurity");
            return this;
        }

        /** Who the calling actor is; defaults to {@link Actor#SYSTEM}. */
        public Builder actorResolver(ActorResolver actorResolver) {
            this.actorResolver = Require.notNull(actorResolver, "actorResolver");
            return this;
        }

        /**
         * Adds a listener that receives every committed domain event; may be called several times, and every
         * listener then receives every event, in the order they were added. Defaults to none.
         */
        public Builder eventListener(EventListener eventListener) {
            eventListeners.add(Require.notNull(eventListener, "eventListener"));
            return this;
        }

        /**
         * How many times the relay tries to deliver an event before it gives up on it and keeps it as a dead letter
         * ({@link Crm#events()}); at least 1, defaults to {@link #DEFAULT_EVENT_DELIVERY_ATTEMPTS}. The relay runs
         * after every committed change and on {@link Crm#publishPendingEvents()}, and tries a failed event once per
         * run.
         */
        public Builder eventDeliveryAttempts(int attempts) {
            this.eventDeliveryAttempts = Require.positive(attempts, "eventDeliveryAttempts");
            return this;
        }

        /** The service-level targets for new cases; defaults to {@link ServiceLevel#standard()}. */
        public Builder serviceLevel(ServiceLevel serviceLevel) {
            this.serviceLevel = Require.notNull(serviceLevel, "serviceLevel");
            return this;
        }

        /** When tasks are reminded of, noticed overdue and escalated; defaults to {@link TaskReminderPolicy#standard()}. */
        public Builder taskReminders(TaskReminderPolicy taskReminders) {
            this.taskReminders = Require.notNull(taskReminders, "taskReminders");
            return this;
        }

        /** How leads are scored and qualified; defaults to {@link LeadScoringModel#NONE}. */
        public Builder leadScoring(LeadScoringModel leadScoring) {
            this.leadScoring = Require.notNull(leadScoring, "leadScoring");
            return this;
        }

        /** The ordered rules that {@code leads().assignByRules} applies; defaults to {@link LeadAssignmentRules#NONE}. */
        public Builder leadAssignment(LeadAssignmentRules leadAssignment) {
            this.leadAssignment = Require.notNull(leadAssignment, "leadAssignment");
            return this;
        }

        /**
         * The duplicate rules of every tenant; defaults to {@link DuplicateRules#standard()} (policy WARN: nothing
         * is refused, results carry the candidates).
         */
        public Builder duplicateRules(DuplicateRules rules) {
            Require.notNull(rules, "duplicateRules");
            return duplicateRules(tenant -> rules);
        }

        /** The duplicate rules per tenant, asked on every check (must return rules for every tenant; cache them). */
        public Builder duplicateRules(Function<TenantId, DuplicateRules> rulesOfTenant) {
            this.duplicateRules = Require.notNull(rulesOfTenant, "duplicateRules");
            return this;
        }

        /** The offer rules of every tenant ({@link Crm#offers()}); defaults to {@link OfferRules#none()}. */
        public Builder offerRules(OfferRules rules) {
            Require.notNull(rules, "offerRules");
            return offerRules(tenant -> rules);
        }

        /** The offer rules per tenant, asked on every choice (must return rules for every tenant; cache them). */
        public Builder offerRules(Function<TenantId, OfferRules> rulesOfTenant) {
            this.offerRules = Require.notNull(rulesOfTenant, "offerRules");
            return this;
        }

        /**
         * Keeps an audit trail (who changed which field when, {@link Privacy#auditTrail}) of the records of these
         * types, written in the transaction of each change made through crmkit's services; adds to the types given
         * before. Defaults to none. {@code ACTIVITY}, {@code TASK}, {@code CASE}, {@code CONTACT}, {@code ACCOUNT},
         * {@code LEAD}, {@code OPPORTUNITY}, {@code INVOICE}, {@code PAYMENT} and {@code CAMPAIGN} can be audited.
         */
        public Builder auditTrail(RecordType... types) {
            Require.noNulls(Arrays.asList(Require.notNull(types, "types")), "types");
            auditedTypes.addAll(Arrays.asList(types));
            return this;
        }

        public Crm build() {
            Require.notNull(storage, "storage");
            return new Crm(this);
        }
    }
}
