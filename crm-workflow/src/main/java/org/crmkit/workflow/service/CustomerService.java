package org.crmkit.workflow.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.calendar.StatutoryHolidays;
import org.crmkit.core.calendar.WorkingHours;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.spi.HolidayCalendar;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ContactMessages;

/**
 * Multichannel customer service on the workflow runtime. Messages from customers (e-mail, web form, chat
 * transcript, phone note) come in through {@link #receive}: a message naming a case's reference
 * ({@code CASE-3F9A0C12BD}) in its subject or headers joins that case's conversation (a case waiting on the customer
 * is worked again, a resolved one reopened; a closed one is left alone and a new case opened), any other opens a
 * case in crmkit's service desk. Every message in and out is on the case's conversation and the contact's timeline.
 * Replies go out through the host's {@code MessageChannel}s ({@link #reply}); the channel may change during a case.
 *
 * <p>Each case runs under the most specific {@link SlaPolicy} for its priority and category: first-response and
 * resolution targets in business time, counted in the working hours of the business days of the customer's country
 * (from the holiday calendar) in the customer's time zone, paused while the case waits on the customer. As a
 * workflow, each run ({@link #planDue}) warns the assignee before a target is due (a high-priority task) and
 * escalates a breach (the case reassigned to the assignee's team lead or the service manager, who gets a task),
 * each once per case and milestone. After the resolution the customer gets the satisfaction survey (CSAT and NPS)
 * when a survey link is configured and the customer consented to service e-mail; {@link #recordSurvey} keeps the
 * answer on the case. {@link #compliance} reports per team and period. A person's subject access export lists the
 * conversations of their cases, and their erasure replaces the messages' addresses and texts and the survey comment
 * (holder {@code customerService}). Thread-safe.
 *
 * <pre>{@code
 * CustomerService service = CustomerService.builder(runtime)
 *         .store(JpaConversationStore.create(storage))
 *         .policy(SlaPolicy.of("urgent", Duration.ofHours(1), Duration.ofHours(8)).forPriority(CasePriority.URGENT))
 *         .serviceManager(manager.id())
 *         .surveyLinks(conversation -> "https://example.com/survey/" + conversation.reference())
 *         .build();
 * Received received = service.receive(InboundMessage.of(ServiceChannel.EMAIL, "ada@example.com", "Broken lid", text, at));
 * }</pre>
 */
public final class CustomerService implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "customer-service";

    private final WorkflowRuntime runtime;
    private final ServiceSetup setup;
    private final Conversations conversations;
    private final SlaWatch watch;
    private final ComplianceReports reports;

    private CustomerService(Builder builder) {
        this.runtime = builder.runtime;
        this.setup = new ServiceSetup(
                builder.store,
                List.copyOf(builder.policies),
                builder.workingHours,
                builder.holidays,
                builder.defaultCountry,
                builder.defaultZone,
                builder.defaultLanguage,
                builder.templates,
                builder.priority,
                builder.category,
                builder.surveyLinks,
                new EscalationTarget(builder.serviceManager));
        this.conversations = new Conversations(runtime, setup);
        this.watch = new SlaWatch(runtime, setup);
        this.reports = new ComplianceReports(runtime.crm(), setup);
        runtime.register(this);
        runtime.crm().privacy().register(new ServicePersonalData(setup.store()));
    }

    /** Starts configuring customer service on the runtime; {@link Builder#build()} registers it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Takes a customer's message: opens a case or joins the case its reference names, in one transaction. The
     * sender is the message's contact or the contact with its e-mail address (phone number for PHONE); an unknown
     * sender throws {@code RecordNotFoundException} (field {@code from}) and nothing is stored.
     */
    public Received receive(InboundMessage message) {
        Require.notNull(message, "message");
        return runtime.inTransactionRetryingCollisions(NAME, () -> conversations.receive(message));
    }

    /**
     * Replies to the customer on {@code channel} (EMAIL, SMS or LETTER, to the contact's primary address for it):
     * the message is scheduled through the runtime with the case's reference in its subject, the case records its
     * response, and the first reply reaches the first-response milestone.
     */
    public CaseConversation reply(CaseId caseId, ServiceChannel channel, String text) {
        Require.notNull(caseId, "caseId");
        Require.notNull(channel, "channel");
        Require.maxLength(Require.notBlank(text, "text"), InboundMessage.MAX_BODY, "text");
        return runtime.inTransactionRetryingCollisions(NAME, () -> conversations.reply(caseId, channel, text));
    }

    /** Puts the case on hold until the customer answers; the service-level clock stops. */
    public CaseConversation waitForCustomer(CaseId caseId) {
        Require.notNull(caseId, "caseId");
        return runtime.inTransactionRetryingCollisions(NAME, () -> conversations.waitForCustomer(caseId));
    }

    /** Resolves the case, reaching its resolution milestone, and sends the satisfaction survey (see the class). */
    public CaseConversation resolve(CaseId caseId, String resolution) {
        Require.notNull(caseId, "caseId");
        return runtime.inTransactionRetryingCollisions(NAME, () -> conversations.resolve(caseId, resolution));
    }

    /** Keeps the customer's survey answer on the case (replacing an earlier one) and notes it on the timeline. */
    public CaseConversation recordSurvey(CaseId caseId, SurveyAnswer answer) {
        Require.notNull(caseId, "caseId");
        Require.notNull(answer, "answer");
        return runtime.inTransactionRetryingCollisions(NAME, () -> conversations.recordSurvey(caseId, answer));
    }

    /** The case's conversation; empty for a case that did not come in through this service. */
    public Optional<CaseConversation> conversation(CaseId caseId) {
        Require.notNull(caseId, "caseId");
        return setup.store().findByCase(runtime.tenant(), caseId);
    }

    /** Service-level compliance of the cases opened in {@code [from, to)}, per team, as of now. */
    public SlaComplianceReport compliance(Instant from, Instant to) {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        return reports.report(
                setup.store().findOpenedBetween(runtime.tenant(), from, to),
                from,
                to,
                runtime.crm().clock().instant());
    }

    /** Plans the warnings and escalations due by {@code asOf}. */
    @Override
    public int planDue(Instant asOf) {
        return watch.planDue(Require.notNull(asOf, "asOf"));
    }

    /** Logs a delivered reply or survey on the contact's timeline. */
    @Override
    public void onDelivered(Action action) {
        ContactMessages.logOnTimeline(runtime.crm(), action);
    }

    /** Configures {@link CustomerService}: the store of its conversations; every other setting has a default. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private ConversationStore store;
        private final List<SlaPolicy> policies = new ArrayList<>();
        private WorkingHours workingHours = WorkingHours.officeHours();
        private HolidayCalendar holidays = StatutoryHolidays.builtIn();
        private CountryCode defaultCountry = CountryCode.of("DE");
        private ZoneId defaultZone = ZoneOffset.UTC;
        private Locale defaultLanguage = Locale.ENGLISH;
        private TemplateRenderer templates = LocalizedTemplates.defaults();
        private Function<InboundMessage, CasePriority> priority = message -> CasePriority.NORMAL;
        private Function<InboundMessage, CaseCategory> category = message -> CaseCategory.of("general");
        private Function<CaseConversation, String> surveyLinks;
        private UserId serviceManager;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /**
         * Where conversations are kept (required): {@link InMemoryConversationStore} beside an
         * {@code InMemoryStorage}, {@code JpaConversationStore} beside a {@code JpaStorage}.
         */
        public Builder store(ConversationStore store) {
            this.store = Require.notNull(store, "store");
            return this;
        }

        /** Adds a policy; the most specific that applies to a case wins, {@link SlaPolicy#standard()} if none. */
        public Builder policy(SlaPolicy policy) {
            Require.notNull(policy, "policy");
            Require.that(
                    policies.stream().noneMatch(other -> other.name().equals(policy.name())),
                    "policy",
                    "a policy named '" + policy.name() + "' is given already");
            policies.add(policy);
            return this;
        }

        /** The working hours business time is counted in; 09:00 to 17:00 by default. */
        public Builder workingHours(WorkingHours workingHours) {
            this.workingHours = Require.notNull(workingHours, "workingHours");
            return this;
        }

        /** The calendar of business days; {@link StatutoryHolidays#builtIn()} by default. */
        public Builder holidayCalendar(HolidayCalendar holidays) {
            this.holidays = Require.notNull(holidays, "holidayCalendar");
            return this;
        }

        /** The country of customers without a postal address; DE by default. */
        public Builder defaultCountry(CountryCode country) {
            this.defaultCountry = Require.notNull(country, "defaultCountry");
            return this;
        }

        /** The time zone of customers without one; UTC by default. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Require.notNull(zone, "defaultZone");
            return this;
        }

        /** The language of customers without one; English by default. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = Require.notNull(language, "defaultLanguage");
            return this;
        }

        /** The templates of the survey ({@code satisfaction-survey}); {@link LocalizedTemplates#defaults()} by default. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** How a new case's priority and category follow from its first message; NORMAL and {@code general} by default. */
        public Builder triage(
                Function<InboundMessage, CasePriority> priority, Function<InboundMessage, CaseCategory> category) {
            this.priority = Require.notNull(priority, "priority");
            this.category = Require.notNull(category, "category");
            return this;
        }

        /** The link of a resolved case's survey; without it no survey is sent. */
        public Builder surveyLinks(Function<CaseConversation, String> surveyLinks) {
            this.surveyLinks = Require.notNull(surveyLinks, "surveyLinks");
            return this;
        }

        /** Who gets breached cases whose assignee has no team lead (and warnings of unassigned cases). */
        public Builder serviceManager(UserId manager) {
            this.serviceManager = Require.notNull(manager, "serviceManager");
            return this;
        }

        public CustomerService build() {
            Require.that(store != null, "store", "customer service needs the store of its conversations");
            return new CustomerService(this);
        }
    }
}
