package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.billing.CreditNoteApplied;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoicePaid;
import org.crmkit.core.billing.InvoiceVoided;
import org.crmkit.core.billing.InvoiceWrittenOff;
import org.crmkit.core.billing.PaymentAllocated;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.workflow.NotConfiguredException;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.Message;

/**
 * Dunning: the CRM's answer to an unpaid invoice, as a workflow on the {@link WorkflowRuntime}. Each run
 * ({@link #planDue}) reconciles the cases of the accounts with overdue invoices, takes the levels that are due and
 * plans their actions: notices ({@link Message}s on the first usable channel) stating the case's whole
 * {@link Claim}, call-queue tasks, the lawyer's hand-off with its {@link Dossier}, a credit hold on the account.
 * Payments, partial payments, credit notes and write-offs re-evaluate a case as soon as crmkit commits them
 * ({@link #onEvent}, or {@link #reevaluate}), cancelling actions not yet delivered. Disputes, excluded accounts and
 * promises to pay hold escalation. Every delivered notice and queued call is logged on the account's timeline; every case keeps an
 * audit history. The cases live in the {@link DunningCaseStore} given to the builder.
 *
 * <pre>{@code
 * Dunning dunning = Dunning.builder(runtime)
 *         .cases(InMemoryDunningCaseStore.create(storage))  // or JpaDunningCaseStore.create(jpaStorage)
 *         .policy(b2b).policy(consumers)
 *         .policyChoice(account -> account.tags().values().contains("consumer") ? "consumers" : "b2b")
 *         .legalHandOff((key, dossier) -> lawyer.send(key, dossier))
 *         .build();                           // registers itself with the runtime
 * }</pre>
 *
 * Thread-safe.
 */
public final class Dunning implements Workflow {

    /** The workflow's name on the runtime. */
    public static final String NAME = "dunning";

    private final DunningContext context;
    private final CaseEvaluation evaluation;
    private final Planning planning;
    private final Deliveries deliveries;

    private Dunning(Builder builder) {
        WorkflowRuntime runtime = builder.runtime;
        ZoneId zone = builder.zone == null ? runtime.crm().clock().getZone() : builder.zone;
        this.context = new DunningContext(
                runtime,
                runtime.crm(),
                builder.cases,
                new Policies(builder.policies, builder.firstPolicy, builder.policyChoice),
                zone);
        this.evaluation = new CaseEvaluation(context, new Escalation(context, builder.renderer, new Dossiers(context)));
        this.planning = new Planning(context, evaluation);
        this.deliveries = new Deliveries(context);
        LegalHandOff legal = builder.legalHandOff;
        runtime.handle(LegalHandOffRequest.class, (action, request) -> {
            if (legal == null) {
                throw new NotConfiguredException("no LegalHandOff is configured for dunning");
            }
            legal.handOver(action.deduplicationKey(), request.dossier());
        });
        runtime.register(this);
        runtime.crm().privacy().register(new DunningPersonalData(builder.cases));
        runtime.crm().merges().register(new DunningMerge(builder.cases));
    }

    /** Starts configuring dunning on the runtime; {@link Builder#build()} registers it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The policy of that name; {@code RecordNotFoundException} when there is none. */
    public DunningPolicy policy(String name) {
        return context.policies().named(name);
    }

    /**
     * Plans what is due on the day of {@code asOf} (in the configured zone) for the calling tenant and returns how
     * many actions it scheduled. The cases are evaluated in chunks of up to 200 groups by account, each chunk in one
     * transaction, starting at a chunk chosen at random (so that several nodes share the work); when a chunk's
     * transaction fails, its groups are evaluated again one by one, each in a transaction of its own, and a case that
     * still fails is logged and left for the next run while the others go on. Idempotent: a second run on the same
     * day plans nothing.
     */
    @Override
    public int planDue(Instant asOf) {
        return planning.planDue(Require.notNull(asOf, "asOf"));
    }

    /**
     * Re-evaluates the account's cases at once, without escalating: a payment, a partial payment, a credit note or
     * a write-off de-escalates, re-anchors or closes them and cancels their actions not yet delivered.
     */
    public void reevaluate(AccountId account) {
        planning.reevaluate(Require.notNull(account, "account"));
    }

    /**
     * Re-evaluates the account of every payment allocation, paid, credited, written-off or voided invoice as soon as
     * crmkit has committed it (the runtime subscribes its workflows to crmkit's events); other events are ignored.
     */
    @Override
    public void onEvent(OutboxEntry entry) {
        accountOf(entry.event()).ifPresent(this::reevaluate);
    }

    private Optional<AccountId> accountOf(DomainEvent event) {
        if (event instanceof InvoicePaid paid) {
            return Optional.of(paid.account());
        } else if (event instanceof PaymentAllocated allocated) {
            return Optional.of(allocated.account());
        } else if (event instanceof InvoiceWrittenOff writtenOff) {
            return Optional.of(writtenOff.account());
        } else if (event instanceof InvoiceVoided voided) {
            return Optional.of(voided.account());
        } else if (event instanceof CreditNoteApplied applied) {
            return context.crm().billing().invoice(applied.invoice()).map(Invoice::account);
        }
        return Optional.empty();
    }

    /** Holds a disputed invoice out of dunning (the account's other invoices continue) and re-evaluates its case. */
    public void dispute(InvoiceId invoice, String reason) {
        Invoice disputed = requireInvoice(invoice);
        context.runtime()
                .transactions()
                .inTransaction(() -> context.cases()
                        .putHold(new DunningHold(
                                context.tenant(), RecordRef.invoice(disputed.id()), reason, context.today())));
        reevaluate(disputed.account());
    }

    /** Ends the dispute of an invoice; its escalation resumes, counted from today. */
    public void resolveDispute(InvoiceId invoice) {
        Invoice disputed = requireInvoice(invoice);
        context.runtime()
                .transactions()
                .inTransaction(() -> context.cases().removeHold(context.tenant(), RecordRef.invoice(disputed.id())));
        reevaluate(disputed.account());
    }

    /**
     * Excludes an account from dunning: no case escalates and the actions of its open cases not yet delivered are
     * cancelled.
     */
    public void excludeAccount(AccountId account, String reason) {
        Require.notNull(account, "account");
        context.runtime().transactions().inTransaction(() -> {
            LocalDate today = context.today();
            context.cases().putHold(new DunningHold(context.tenant(), RecordRef.account(account), reason, today));
            for (DunningCase open : context.cases().findByAccount(context.tenant(), account)) {
                if (open.isOpen()) {
                    evaluation.cancelPending(open, today);
                    context.cases().save(open);
                }
            }
        });
    }

    /** Takes an excluded account back into dunning. */
    public void includeAccount(AccountId account) {
        Require.notNull(account, "account");
        context.runtime()
                .transactions()
                .inTransaction(() -> context.cases().removeHold(context.tenant(), RecordRef.account(account)));
    }

    /**
     * Records the customer's promise to pay by {@code until}: the account's open cases do not escalate until then
     * (their undelivered actions are cancelled); if a case is still open afterwards, the promise is broken and
     * escalation resumes with the next level due. {@code RecordNotFoundException} when the account has no open case.
     */
    public void promiseToPay(AccountId account, LocalDate until) {
        Require.notNull(account, "account");
        Require.notNull(until, "until");
        context.runtime().transactions().inTransaction(() -> {
            LocalDate today = context.today();
            List<DunningCase> open =
                    casesOf(account).stream().filter(DunningCase::isOpen).toList();
            if (open.isEmpty()) {
                throw new RecordNotFoundException("open DunningCase of account", account);
            }
            for (DunningCase dunningCase : open) {
                dunningCase.promiseToPay(until, today);
                evaluation.cancelPending(dunningCase, today);
                context.cases().save(dunningCase);
            }
        });
    }

    /** The account's cases, open and closed, oldest first. */
    public List<DunningCase> casesOf(AccountId account) {
        return context.cases().findByAccount(context.tenant(), Require.notNull(account, "account"));
    }

    /** The account's open case under a per-account policy, if any. */
    public Optional<DunningCase> openCaseOf(AccountId account) {
        return casesOf(account).stream().filter(DunningCase::isOpen).findFirst();
    }

    /** The calling tenant's case of that id, if any. */
    public Optional<DunningCase> dunningCase(DunningCaseId id) {
        return context.cases().findById(context.tenant(), Require.notNull(id, "id"));
    }

    private Invoice requireInvoice(InvoiceId invoice) {
        Require.notNull(invoice, "invoice");
        return context.crm()
                .billing()
                .invoice(invoice)
                .orElseThrow(() -> new RecordNotFoundException("Invoice", invoice));
    }

    @Override
    public void onDelivered(Action action) {
        deliveries.delivered(List.of(action));
    }

    /**
     * Notes the delivered notices and hand-offs in their cases' histories and logs every delivery on the account's
     * timeline: the cases are read together, saved together, and the activities logged in one change.
     */
    @Override
    public void onDeliveredAll(List<Action> actions) {
        deliveries.delivered(actions);
    }

    /**
     * Records the failure in the case's history; a notice that failed on one channel for good goes out on the next
     * usable channel of its level (e.g. a letter when the email bounced), under its own deduplication key.
     */
    @Override
    public void onFailed(Action action) {
        deliveries.failed(action);
    }

    /** Configures {@link Dunning}: the store of its cases and at least one policy. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private final Map<String, DunningPolicy> policies = new LinkedHashMap<>();
        private DunningCaseStore cases;
        private String firstPolicy;
        private Function<Account, String> policyChoice;
        private NoticeRenderer renderer = new PlainNoticeRenderer();
        private LegalHandOff legalHandOff;
        private ZoneId zone;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /**
         * Where the cases and holds are kept: {@link InMemoryDunningCaseStore} beside an {@code InMemoryStorage},
         * {@code JpaDunningCaseStore} beside a {@code JpaStorage}; in the transactions of the runtime's storage.
         */
        public Builder cases(DunningCaseStore cases) {
            this.cases = Require.notNull(cases, "cases");
            return this;
        }

        /** Adds a policy; names are unique. The first one added is the default. */
        public Builder policy(DunningPolicy policy) {
            Require.notNull(policy, "policy");
            if (policies.putIfAbsent(policy.name(), policy) != null) {
                throw new DuplicateRecordException("DunningPolicy", policy.name());
            }
            if (firstPolicy == null) {
                firstPolicy = policy.name();
            }
            return this;
        }

        /**
         * Chooses the policy of an account by name (e.g. by tag, segment or a custom field); the account is null
         * when it is not in crmkit. Defaults to the first policy for every account.
         */
        public Builder policyChoice(Function<Account, String> policyChoice) {
            this.policyChoice = Require.notNull(policyChoice, "policyChoice");
            return this;
        }

        /** Turns notices into text; defaults to a plain English/German renderer. */
        public Builder renderer(NoticeRenderer renderer) {
            this.renderer = Require.notNull(renderer, "renderer");
            return this;
        }

        /** Where the lawyer's hand-offs go; without one they fail (visibly) until one is configured. */
        public Builder legalHandOff(LegalHandOff legalHandOff) {
            this.legalHandOff = Require.notNull(legalHandOff, "legalHandOff");
            return this;
        }

        /** The zone whose calendar days dunning counts in; defaults to the clock's zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Require.notNull(zone, "zone");
            return this;
        }

        /** Builds dunning and registers it (and the legal hand-off's handler) with the runtime. */
        public Dunning build() {
            Require.that(cases != null, "cases", "dunning needs the store of its cases");
            Require.that(!policies.isEmpty(), "policies", "dunning needs at least one policy");
            return new Dunning(this);
        }
    }
}
