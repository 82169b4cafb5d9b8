package org.crmkit.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.CreditNoteApplied;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoicePaid;
import org.crmkit.core.billing.InvoiceSettlement;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.SettlementKind;
import org.crmkit.core.billing.InvoiceVoided;
import org.crmkit.core.billing.InvoiceWrittenOff;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentAllocated;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.workflow.dunning.CallTask;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.CaseItem;
import org.crmkit.workflow.dunning.Claim;
import org.crmkit.workflow.dunning.Dossier;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningHold;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.DunningStep;
import org.crmkit.workflow.dunning.Grouping;
import org.crmkit.workflow.dunning.InterestRule;
import org.crmkit.workflow.dunning.LegalHandOffRequest;
import org.crmkit.workflow.dunning.Notice;
import org.crmkit.workflow.dunning.RenderedNotice;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.Recipients;
import org.crmkit.workflow.spi.DunningCaseStore;
import org.crmkit.workflow.spi.LegalHandOff;
import org.crmkit.workflow.spi.NoticeRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dunning: the CRM's answer to an unpaid invoice, as a workflow on the {@link WorkflowRuntime}. Each run
 * ({@link #planDue}) finds the accounts with overdue invoices and the open cases, and for each chunk of cases in
 * one transaction reconciles them with their invoices, takes the levels that are due and plans their actions:
 * notices ({@link Message}s on the first usable channel), call-queue tasks, the lawyer's hand-off with its {@link Dossier},
 * a credit hold on the account. Payments, partial payments, credit notes and write-offs re-evaluate a case at once
 * as soon as crmkit commits them ({@link #onEvent}, or {@link #reevaluate}), cancelling actions not yet delivered. Disputes,
 * excluded accounts and promises to pay hold escalation. Every delivered notice and queued call is logged on the
 * account's timeline; every case keeps an audit history.
 *
 * <pre>{@code
 * Dunning dunning = Dunning.builder(runtime)
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

    private static final Logger LOG = LoggerFactory.getLogger(Dunning.class);
    private static final int BATCH = 1000;
    /** Groups evaluated together in one transaction. */
    private static final int CHUNK = 200;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final DunningCaseStore cases;
    private final Clock clock;
    private final ZoneId zone;
    private final IdGenerator ids;
    private final Map<String, DunningPolicy> policies;
    private final Function<Account, String> policyChoice;
    private final boolean choosesByAccount;
    private final NoticeRenderer renderer;
    private final Recipients recipients;

    private record Group(String key, AccountId account, DunningPolicy policy) {
    }

    private Dunning(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = runtime.crm();
        this.cases = runtime.store().dunningCases();
        this.clock = crm.clock();
        this.zone = builder.zone == null ? clock.getZone() : builder.zone;
        this.ids = new IdGenerator(clock);
        this.policies = Map.copyOf(builder.policies);
        String first = builder.firstPolicy;
        this.policyChoice = builder.policyChoice == null ? account -> first : builder.policyChoice;
        this.choosesByAccount = builder.policyChoice != null;
        this.renderer = builder.renderer;
        this.recipients = Recipients.of(crm);
        LegalHandOff legal = builder.legalHandOff;
        runtime.handle(LegalHandOffRequest.class, (action, request) -> {
            if (legal == null) {
                throw new IllegalStateException("no LegalHandOff is configured for dunning");
            }
            legal.handOver(action.deduplicationKey(), request.dossier());
        });
        runtime.register(this);
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
        DunningPolicy policy = policies.get(Require.notBlank(name, "name"));
        if (policy == null) {
            throw new RecordNotFoundException("DunningPolicy", name);
        }
        return policy;
    }

    /**
     * Plans what is due on the day of {@code asOf} (in the configured zone) for the calling tenant and returns how
     * many actions it scheduled. The cases are evaluated in chunks of up to {@value #CHUNK} groups by account, each
     * chunk in one transaction, starting at a chunk chosen at random (so that several nodes share the work); when a
     * chunk's transaction fails, its groups are evaluated again one by one, each in a transaction of its own, and a
     * case that still fails is logged and left for the next run while the others go on. Idempotent: a second run on
     * the same day plans nothing.
     */
    @Override
    public int planDue(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(Require.notNull(asOf, "asOf"), zone);
        Map<String, Group> groups = new LinkedHashMap<>();
        collectOverdue(today, groups);
        collectOpenCases(groups);
        List<Group> byAccount = groups.values().stream().sorted(Comparator.comparing((Group group) -> group.account()
                .value()).thenComparing(Group::key)).toList();
        int chunks = (byAccount.size() + CHUNK - 1) / CHUNK;
        // each run starts at a chunk of its own choosing, so that nodes planning at the same moment mostly work on
        // different chunks instead of one waiting behind the other's locks for every chunk; the order of chunks
        // changes nothing in what is planned
        int first = chunks == 0 ? 0 : ThreadLocalRandom.current().nextInt(chunks);
        int planned = 0;
        for (int i = 0; i < chunks; i++) {
            int from = (first + i) % chunks * CHUNK;
            planned += planChunk(byAccount.subList(from, Math.min(from + CHUNK, byAccount.size())), today, asOf);
        }
        return planned;
    }

    /**
     * Evaluates the groups in one transaction; if it fails (a collision with another node, a case that cannot be
     * evaluated), it is rolled back and each group is evaluated in a transaction of its own instead. Inside a
     * transaction the caller holds, a failure is the caller's to handle.
     */
    private int planChunk(List<Group> chunk, LocalDate today, Instant asOf) {
        if (runtime.transactions().isActive()) {
            return evaluate(chunk, today, asOf, true);
        }
        try {
            return runtime.transactions().inTransaction(() -> evaluate(chunk, today, asOf, true));
        } catch (RuntimeException e) {
            LOG.debug("dunning of {} groups together failed on {} ({}); evaluating them one by one", chunk.size(),
                    today, e.toString());
        }
        int planned = 0;
        for (Group group : chunk) {
            try {
                planned += evaluateAlone(group, today, asOf, true);
            } catch (RuntimeException e) {
                LOG.error("dunning of {} failed on {}; the next run tries again", group.key(), today, e);
            }
        }
        return planned;
    }

    private void collectOverdue(LocalDate today, Map<String, Group> groups) {
        int lookahead = policies.values().stream().mapToInt(p -> Math.max(0, -p.firstOffsetDays())).max().orElse(0);
        LocalDate dueBefore = today.plusDays(1L + lookahead);
        Map<AccountId, Optional<DunningPolicy>> policyOf = new HashMap<>();
        Invoice after = null;
        while (true) {
            List<Invoice> batch = crm.billing().overdueInvoicesAfter(dueBefore, after, BATCH);
            policyOf.putAll(policiesOf(batch.stream().map(Invoice::account)
                    .filter(account -> !policyOf.containsKey(account)).collect(Collectors.toSet()), today));
            for (Invoice invoice : batch) {
                Optional<DunningPolicy> policy = policyOf.get(invoice.account());
                if (policy.isPresent() && invoice.currency().equals(policy.get().currency())) {
                    String key = groupKey(policy.get(), invoice);
                    groups.computeIfAbsent(key, k -> new Group(k, invoice.account(), policy.get()));
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    /**
     * The policy of each account; none for an excluded account, nor for one whose policy cannot be chosen (logged and
     * left for the next run, the others go on). The holds, and the accounts when the host chooses policies by
     * account, are read together.
     */
    private Map<AccountId, Optional<DunningPolicy>> policiesOf(Set<AccountId> accounts, LocalDate today) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Set<AccountId> excluded = excludedAmong(accounts);
        Map<AccountId, Account> read = choosesByAccount ? crm.parties().findAccounts(accounts) : Map.of();
        Map<AccountId, Optional<DunningPolicy>> policyOf = new HashMap<>();
        for (AccountId account : accounts) {
            if (excluded.contains(account)) {
                policyOf.put(account, Optional.empty());
                continue;
            }
            try {
                Account stored = read.get(account);
                policyOf.put(account, Optional.of(stored == null ? policy(policyChoice.apply(null))
                        : choosePolicy(stored)));
            } catch (RuntimeException e) {
                LOG.error("dunning of account {} failed on {}: its policy cannot be chosen; the next run tries again",
                        account, today, e);
                policyOf.put(account, Optional.empty());
            }
        }
        return policyOf;
    }

    private void collectOpenCases(Map<String, Group> groups) {
        TenantId tenant = runtime.tenant();
        DunningCaseId after = null;
        while (true) {
            List<DunningCase> batch = cases.findOpen(tenant, after, BATCH);
            for (DunningCase open : batch) {
                groups.computeIfAbsent(open.groupKey(), k -> new Group(k, open.account(), policyOf(open)));
                after = open.id();
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /** The accounts among these that are excluded from dunning, in one read. */
    private Set<AccountId> excludedAmong(Set<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        return cases.findHolds(runtime.tenant(), accounts.stream().map(RecordRef::account).toList()).stream()
                .map(hold -> AccountId.of(hold.subject().id())).collect(Collectors.toSet());
    }

    private DunningPolicy choosePolicy(Account account) {
        String name = policyChoice.apply(account);
        DunningPolicy policy = policies.get(name);
        if (policy == null) {
            throw InvalidValueException.invalid("policyChoice", "chose '" + name + "' for account " + account.id()
                    + ", which is none of the policies " + policies.keySet());
        }
        return policy;
    }

    private DunningPolicy policyOf(DunningCase dunningCase) {
        DunningPolicy policy = policies.get(dunningCase.policy());
        return policy != null ? policy : crm.parties().findAccount(dunningCase.account()).map(this::choosePolicy)
                .orElseThrow(() -> new RecordNotFoundException("DunningPolicy", dunningCase.policy()));
    }

    private static String groupKey(DunningPolicy policy, Invoice invoice) {
        return policy.grouping() == Grouping.PER_INVOICE ? "invoice:" + invoice.id()
                : "account:" + invoice.account() + ":" + policy.currency().getCurrencyCode();
    }

    /**
     * Evaluates one group in a transaction of its own: the path of {@link #reevaluate} and of a chunk that failed. A
     * collision that still happens despite the account's lock (an account outside crmkit, a delivery updating the
     * case) is evaluated again in a fresh transaction.
     */
    private int evaluateAlone(Group group, LocalDate today, Instant asOf, boolean escalate) {
        return ConcurrentChanges.retried(runtime.transactions(), "dunning of " + group.key(),
                () -> evaluate(List.of(group), today, asOf, escalate));
    }

    /** One group's case as reconciled with its invoices, and the step it takes now, if any. */
    private record Evaluation(Group group, DunningCase dunningCase, DunningCaseState before, List<Invoice> invoices,
                              Optional<DunningStep> step) {

        boolean changed() {
            return before == null || !before.equals(dunningCase.state());
        }
    }

    /**
     * Reconciles the groups' cases and, when {@code escalate}, takes the levels that are due; returns the actions
     * planned. Runs in the caller's transaction with a constant number of statements for any number of groups (up
     * to the size of a chunk): the groups' accounts are locked first, in one call, so that another node evaluating
     * any of them at the same moment waits and then finds the steps taken; then their open cases, invoices and holds
     * are read together, every group is evaluated in memory, the accounts of the groups taking a step are read, and
     * the actions, cases and events are written together at the end.
     */
    private int evaluate(List<Group> groups, LocalDate today, Instant asOf, boolean escalate) {
        TenantId tenant = runtime.tenant();
        List<AccountId> accounts = groups.stream().map(Group::account).distinct().toList();
        runtime.outbox().lock(accounts.stream().map(RecordRef::account).toList());
        Map<String, DunningCase> openCases = new HashMap<>();
        cases.findOpenByAccounts(tenant, accounts).forEach(open -> openCases.put(open.groupKey(), open));
        Map<String, List<Invoice>> invoices = invoicesOf(groups, openCases);
        Set<RecordRef> held = heldAmong(groups, invoices);

        List<Evaluation> evaluations = new ArrayList<>();
        for (Group group : groups) {
            reconcile(group, openCases.get(group.key()), invoices.get(group.key()), held, today, escalate)
                    .ifPresent(evaluations::add);
        }
        Map<AccountId, Account> accountsTakingAStep = crm.parties().findAccounts(evaluations.stream()
                .filter(evaluation -> evaluation.step().isPresent()).map(evaluation -> evaluation.group().account())
                .distinct().toList());
        List<PlannedAction> actions = new ArrayList<>();
        for (Evaluation evaluation : evaluations) {
            evaluation.step().ifPresent(step -> take(evaluation, step, accountsTakingAStep, today, asOf, actions));
        }

        int planned = actions.isEmpty() ? 0 : runtime.outbox().scheduleAll(NAME, actions);
        List<DunningCase> changed = evaluations.stream().filter(Evaluation::changed).map(Evaluation::dunningCase)
                .toList();
        if (!changed.isEmpty()) {
            cases.saveAll(changed);
            runtime.recordEvents(changed.stream().flatMap(dunningCase -> dunningCase.pendingEvents().stream())
                    .toList());
        }
        return planned;
    }

    /**
     * The group's case reconciled with its invoices and holds (a new one when none is open and an invoice is due),
     * with the step due when {@code escalate}; empty when the group has no case and needs none.
     */
    private Optional<Evaluation> reconcile(Group group, DunningCase existing, List<Invoice> invoices,
                                           Set<RecordRef> held, LocalDate today, boolean escalate) {
        DunningPolicy policy = group.policy();
        boolean excluded = held.contains(RecordRef.account(group.account()));
        Set<InvoiceId> disputed = invoices.stream().filter(invoice -> held.contains(RecordRef.invoice(invoice.id())))
                .map(Invoice::id).collect(Collectors.toSet());
        DunningCase dunningCase;
        DunningCaseState before;
        if (existing != null) {
            dunningCase = existing;
            before = dunningCase.state();
        } else {
            if (excluded) {
                return Optional.empty();
            }
            boolean anyDue = invoices.stream().anyMatch(invoice -> invoice.isOpen()
                    && invoice.currency().equals(policy.currency())
                    && !invoice.dueDate().plusDays(policy.firstOffsetDays()).isAfter(today));
            if (!anyDue) {
                return Optional.empty();
            }
            dunningCase = DunningCase.open(runtime.tenant(), DunningCaseId.next(ids), group.account(), policy,
                    group.key(), today, clock);
            before = null;
        }
        if (dunningCase.reconcile(policy, invoices, disputed, today, this::settledOn, clock) && before != null) {
            cancelPending(dunningCase, today);
        }
        Optional<DunningStep> step = Optional.empty();
        if (!dunningCase.isOpen()) {
            releaseCreditHold(dunningCase, today);
        } else if (escalate && !excluded) {
            step = dunningCase.dueStep(policy, today);
        }
        return Optional.of(new Evaluation(group, dunningCase, before, invoices, step));
    }

    /**
     * The day an invoice that is no longer open was settled: the day its last payment was received, or the day its
     * last credit note was applied; today for an invoice voided or written off.
     */
    private LocalDate settledOn(Invoice invoice) {
        List<InvoiceSettlement> settlements = invoice.settlements();
        if (invoice.status() != InvoiceStatus.PAID || settlements.isEmpty()) {
            return today();
        }
        InvoiceSettlement last = settlements.get(settlements.size() - 1);
        LocalDate applied = LocalDate.ofInstant(last.settledAt(), zone);
        if (last.kind() != SettlementKind.PAYMENT) {
            return applied;
        }
        return crm.billing().payment(PaymentId.of(last.source())).map(Payment::receivedOn).orElse(applied);
    }

    /**
     * The invoices of each group, by group key, read together: the open invoices of the accounts of per-account
     * groups, and by id the invoice of each per-invoice group and the invoices of the open cases' items that are no
     * longer open.
     */
    private Map<String, List<Invoice>> invoicesOf(List<Group> groups, Map<String, DunningCase> openCases) {
        Map<AccountId, List<Invoice>> openOf = crm.billing().openInvoicesOf(groups.stream()
                .filter(group -> invoiceOf(group).isEmpty()).map(Group::account).distinct().toList());
        Set<InvoiceId> found = openOf.values().stream().flatMap(List::stream).map(Invoice::id)
                .collect(Collectors.toSet());
        Set<InvoiceId> byId = new LinkedHashSet<>();
        for (Group group : groups) {
            invoiceOf(group).ifPresent(byId::add);
            DunningCase open = openCases.get(group.key());
            if (open != null) {
                open.items().stream().map(CaseItem::invoice).filter(invoice -> !found.contains(invoice))
                        .forEach(byId::add);
            }
        }
        Map<InvoiceId, Invoice> read = byId.isEmpty() ? Map.of() : crm.billing().invoices(byId);
        Map<String, List<Invoice>> invoices = new HashMap<>();
        for (Group group : groups) {
            Map<InvoiceId, Invoice> ofGroup = new LinkedHashMap<>();
            Optional<InvoiceId> single = invoiceOf(group);
            if (single.isPresent()) {
                Optional.ofNullable(read.get(single.get())).ifPresent(invoice -> ofGroup.put(invoice.id(), invoice));
            } else {
                openOf.getOrDefault(group.account(), List.of()).forEach(invoice -> ofGroup.put(invoice.id(), invoice));
            }
            DunningCase open = openCases.get(group.key());
            if (open != null) {
                for (CaseItem item : open.items()) {
                    Invoice invoice = read.get(item.invoice());
                    if (invoice != null) {
                        ofGroup.putIfAbsent(invoice.id(), invoice);
                    }
                }
            }
            invoices.put(group.key(), new ArrayList<>(ofGroup.values()));
        }
        return invoices;
    }

    /** The invoice of a per-invoice group; empty for a per-account group. */
    private static Optional<InvoiceId> invoiceOf(Group group) {
        return group.key().startsWith("invoice:")
                ? Optional.of(InvoiceId.of(UUID.fromString(group.key().substring("invoice:".length()))))
                : Optional.empty();
    }

    /** The groups' accounts and open invoices that are held (excluded, disputed), in one read. */
    private Set<RecordRef> heldAmong(List<Group> groups, Map<String, List<Invoice>> invoices) {
        Set<RecordRef> holdable = new LinkedHashSet<>();
        for (Group group : groups) {
            holdable.add(RecordRef.account(group.account()));
            invoices.get(group.key()).stream().filter(Invoice::isOpen)
                    .forEach(invoice -> holdable.add(RecordRef.invoice(invoice.id())));
        }
        return cases.findHolds(runtime.tenant(), holdable).stream().map(DunningHold::subject)
                .collect(Collectors.toSet());
    }

    private void cancelPending(DunningCase dunningCase, LocalDate today) {
        List<Action> cancelled = runtime.outbox().cancelPending(subject(dunningCase));
        if (!cancelled.isEmpty()) {
            dunningCase.note(CaseEvent.of(today, CaseEventKind.ACTIONS_CANCELLED, dunningCase.topLevel(), List.of(),
                    null, cancelled.stream().map(a -> a.payload().describe()).collect(Collectors.joining("; "))));
        }
    }

    private void releaseCreditHold(DunningCase dunningCase, LocalDate today) {
        if (dunningCase.creditHoldPlaced()) {
            crm.parties().findAccount(dunningCase.account()).filter(Account::isOnCreditHold)
                    .ifPresent(account -> crm.parties().releaseCreditHold(account.id()));
            dunningCase.creditHold(false, today);
        }
    }

    private static String subject(DunningCase dunningCase) {
        return "dunning:" + dunningCase.id();
    }

    /**
     * Takes the step on the evaluated case: adds the actions it plans to {@code actions}, places a credit hold on the
     * account (and puts the changed account into {@code accounts}) and records the step on the case. The case computes
     * its whole claim after the step; the notice, the call task and the dossier state that claim.
     */
    private void take(Evaluation evaluation, DunningStep step, Map<AccountId, Account> accounts, LocalDate today,
                      Instant asOf, List<PlannedAction> actions) {
        DunningCase dunningCase = evaluation.dunningCase();
        DunningPolicy policy = evaluation.group().policy();
        List<Invoice> invoices = evaluation.invoices();
        List<DunningLevel> reached = step.levelsReached().stream().map(policy::level).toList();
        String key = "dunning:" + dunningCase.id() + ":" + (dunningCase.steps() + 1);
        Account account = accounts.get(dunningCase.account());
        String accountName = account == null ? dunningCase.account().toString() : account.name();

        DunningLevel noticeLevel = reached.stream().filter(DunningLevel::sendsNotice).reduce((a, b) -> b).orElse(null);
        Optional<Recipients.Recipient> recipient = noticeLevel == null || account == null ? Optional.empty()
                : recipients.find(account, noticeLevel.noticeChannels(), policy.language());
        if (noticeLevel != null && recipient.isEmpty()) {
            dunningCase.note(new CaseEvent(today, CaseEventKind.NOTICE_UNDELIVERABLE, step.level(),
                    step.moves().stream().map(DunningStep.Move::number).toList(), null, null, null, null,
                    "no address with consent on " + noticeLevel.noticeChannels(), null));
        }
        Money feesBefore = dunningCase.fees();
        Claim claim = dunningCase.reach(step, policy, invoices, today, zone,
                recipient.map(Recipients.Recipient::channel).orElse(null),
                recipient.map(to -> "notice to " + to.address()).orElse(null), clock);
        if (recipient.isPresent()) {
            Recipients.Recipient to = recipient.get();
            Notice notice = new Notice(noticeLevel.template(), step.level(), to.language(), accountName, to.name(),
                    to.channel(), today, today.plusDays(noticeLevel.paymentDeadlineDays()),
                    dunningCase.fees().minus(feesBefore), claim);
            RenderedNotice text = renderer.render(notice);
            Message message = new Message(to.channel(), to.address(), to.name(), text.subject(), text.body(),
                    to.language(), RecordRef.account(dunningCase.account()));
            actions.add(new PlannedAction(key + ":notice", subject(dunningCase), message, asOf));
        }

        DunningLevel callLevel = reached.stream().filter(l -> l.callTask() != null).reduce((a, b) -> b).orElse(null);
        if (callLevel != null && account != null) {
            NewTask task = new NewTask("Dunning call: " + accountName + " (level " + step.level() + ")",
                    describe(claim), today.plusDays(callLevel.callTask().dueInDays()).atTime(LocalTime.of(17, 0))
                    .atZone(zone).toInstant(),
                    caller(callLevel.callTask(), account),
                    callLevel.callTask().priority(), RecordRef.account(account.id()), null);
            actions.add(new PlannedAction(key + ":call", subject(dunningCase), new CallQueueEntry(task), asOf));
            dunningCase.note(new CaseEvent(today, CaseEventKind.CALL_QUEUED, step.level(), List.of(), claim.total(),
                    null, null, null, "call for " + task.assignee() + " due " + task.dueAt(), null));
        }
        if (account != null && reached.stream().anyMatch(DunningLevel::creditHold) && !account.isOnCreditHold()) {
            accounts.put(account.id(), crm.parties().placeOnCreditHold(account.id(), "dunning level " + step.level()
                    + " of case " + dunningCase.id()));
            dunningCase.creditHold(true, today);
        }
        if (reached.stream().anyMatch(DunningLevel::legalHandOff) && !dunningCase.handedOver()) {
            Dossier dossier = dossier(dunningCase, account, accountName, invoices, claim);
            actions.add(new PlannedAction(key + ":legal", subject(dunningCase), new LegalHandOffRequest(dossier),
                    asOf));
            dunningCase.handOver(today, "claim " + claim.total());
        }
    }

    private UserId caller(CallTask callTask, Account account) {
        if (callTask.assignee() != null) {
            return callTask.assignee();
        }
        if (callTask.team() != null) {
            return crm.access().team(callTask.team()).lead().orElse(account.owner());
        }
        return account.owner();
    }

    private static String describe(Claim claim) {
        return claim.lines().stream().map(line -> line.invoice() + " due " + line.dueDate() + ": "
                        + line.balance().rounded() + " (level " + line.level() + ")")
                .collect(Collectors.joining("\n", "", "\nTotal claimed: " + claim.summary()));
    }

    private Dossier dossier(DunningCase dunningCase, Account account, String accountName, List<Invoice> invoices,
                            Claim claim) {
        Map<String, Invoice> byNumber = new HashMap<>();
        invoices.forEach(invoice -> byNumber.put(invoice.number(), invoice));
        List<Dossier.InvoiceEntry> invoiceEntries = claim.lines().stream().map(line -> {
            Invoice invoice = byNumber.get(line.invoice());
            return new Dossier.InvoiceEntry(line.invoice(), invoice == null ? null : invoice.issueDate(), line.dueDate(),
                    invoice == null ? line.balance() : invoice.total(), line.balance(), line.level());
        }).toList();
        List<CaseEvent> history = dunningCase.history();
        List<CaseEvent> notices = history.stream().filter(e -> e.kind() == CaseEventKind.LEVEL_REACHED
                || e.kind() == CaseEventKind.NOTICE_DELIVERED || e.kind() == CaseEventKind.DELIVERY_FAILED).toList();
        List<CaseEvent> disputes = history.stream().filter(e -> e.kind() == CaseEventKind.DISPUTED
                || e.kind() == CaseEventKind.DISPUTE_RESOLVED).toList();
        List<Dossier.PaymentEntry> payments = crm.billing().paymentsOf(dunningCase.account(), PageRequest.first(100))
                .items().stream().map(Dunning::paymentEntry).toList();
        List<Dossier.ContactEntry> contacts = new ArrayList<>();
        List<Dossier.InteractionEntry> interactions = new ArrayList<>();
        if (account != null) {
            contacts.add(new Dossier.ContactEntry(account.name(),
                    Channel.EMAIL.addressIn(account.contactPoints()).orElse(null),
                    Channel.SMS.addressIn(account.contactPoints()).orElse(null),
                    Channel.LETTER.addressIn(account.contactPoints()).orElse(null)));
            for (Contact contact : crm.parties().contactsOfAccount(account.id(), PageRequest.first(100)).items()) {
                contacts.add(new Dossier.ContactEntry(contact.name().fullName(),
                        Channel.EMAIL.addressIn(contact.contactPoints()).orElse(null),
                        Channel.SMS.addressIn(contact.contactPoints()).orElse(null),
                        Channel.LETTER.addressIn(contact.contactPoints()).orElse(null)));
            }
            crm.activities().timeline(account.id(), TimelineFilter.ALL, PageRequest.first(20)).items().forEach(activity ->
                    interactions.add(new Dossier.InteractionEntry(activity.occurredAt(), activity.kind().name(),
                            activity.subject())));
        }
        return new Dossier(dunningCase.id(), dunningCase.account(), accountName, claim.asOf(), invoiceEntries, notices,
                payments, disputes, contacts, interactions, claim);
    }

    private static Dossier.PaymentEntry paymentEntry(Payment payment) {
        return new Dossier.PaymentEntry(payment.receivedOn(), payment.amount(), payment.reference());
    }

    /**
     * Re-evaluates the account's cases at once, without escalating: a payment, a partial payment, a credit note or
     * a write-off de-escalates, re-anchors or closes them and cancels their actions not yet delivered.
     */
    public void reevaluate(AccountId account) {
        Require.notNull(account, "account");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (DunningCase open : cases.findByAccount(runtime.tenant(), account)) {
            if (open.isOpen()) {
                groups.put(open.groupKey(), new Group(open.groupKey(), account, policyOf(open)));
            }
        }
        for (Group group : groups.values()) {
            evaluateAlone(group, today, clock.instant(), false);
        }
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
            return crm.billing().invoice(applied.invoice()).map(Invoice::account);
        }
        return Optional.empty();
    }

    /** Holds a disputed invoice out of dunning (the account's other invoices continue) and re-evaluates its case. */
    public void dispute(InvoiceId invoice, String reason) {
        Invoice disputed = requireInvoice(invoice);
        runtime.transactions().inTransaction(() -> cases.putHold(new DunningHold(runtime.tenant(),
                RecordRef.invoice(disputed.id()), reason, today())));
        reevaluate(disputed.account());
    }

    /** Ends the dispute of an invoice; its escalation resumes, counted from today. */
    public void resolveDispute(InvoiceId invoice) {
        Invoice disputed = requireInvoice(invoice);
        runtime.transactions().inTransaction(() -> cases.removeHold(runtime.tenant(), RecordRef.invoice(disputed.id())));
        reevaluate(disputed.account());
    }

    /** Excludes an account from dunning: no case escalates and the actions of its open cases not yet delivered are cancelled. */
    public void excludeAccount(AccountId account, String reason) {
        Require.notNull(account, "account");
        runtime.transactions().inTransaction(() -> {
            cases.putHold(new DunningHold(runtime.tenant(), RecordRef.account(account), reason, today()));
            for (DunningCase open : cases.findByAccount(runtime.tenant(), account)) {
                if (open.isOpen()) {
                    cancelPending(open, today());
                    cases.save(open);
                }
            }
        });
    }

    /** Takes an excluded account back into dunning. */
    public void includeAccount(AccountId account) {
        Require.notNull(account, "account");
        runtime.transactions().inTransaction(() -> cases.removeHold(runtime.tenant(), RecordRef.account(account)));
    }

    /**
     * Records the customer's promise to pay by {@code until}: the account's open cases do not escalate until then
     * (their undelivered actions are cancelled); if a case is still open afterwards, the promise is broken and
     * escalation resumes with the next level due.
     */
    public void promiseToPay(AccountId account, LocalDate until) {
        Require.notNull(account, "account");
        Require.notNull(until, "until");
        runtime.transactions().inTransaction(() -> {
            List<DunningCase> open = cases.findByAccount(runtime.tenant(), account).stream().filter(DunningCase::isOpen)
                    .toList();
            if (open.isEmpty()) {
                throw new RecordNotFoundException("open DunningCase of account", account);
            }
            for (DunningCase dunningCase : open) {
                dunningCase.promiseToPay(until, today());
                cancelPending(dunningCase, today());
                cases.save(dunningCase);
            }
        });
    }

    /** The account's cases, open and closed, oldest first. */
    public List<DunningCase> casesOf(AccountId account) {
        return cases.findByAccount(runtime.tenant(), Require.notNull(account, "account"));
    }

    /** The account's open case under a per-account policy, if any. */
    public Optional<DunningCase> openCaseOf(AccountId account) {
        return casesOf(account).stream().filter(DunningCase::isOpen).findFirst();
    }

    public Optional<DunningCase> dunningCase(DunningCaseId id) {
        return cases.findById(runtime.tenant(), Require.notNull(id, "id"));
    }

    private Invoice requireInvoice(InvoiceId invoice) {
        Require.notNull(invoice, "invoice");
        return crm.billing().invoice(invoice).orElseThrow(() -> new RecordNotFoundException("Invoice", invoice));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @Override
    public void onDelivered(Action action) {
        onDeliveredAll(List.of(action));
    }

    /**
     * Notes the delivered notices and hand-offs in their cases' histories and logs every delivery on the account's
     * timeline: the cases are read together, saved together, and the activities logged in one change.
     */
    @Override
    public void onDeliveredAll(List<Action> actions) {
        Map<TenantId, List<Action>> byTenant = new LinkedHashMap<>();
        actions.forEach(action -> byTenant.computeIfAbsent(action.tenant(), t -> new ArrayList<>()).add(action));
        byTenant.forEach(this::recordDeliveries);
    }

    private void recordDeliveries(TenantId tenant, List<Action> actions) {
        Map<DunningCaseId, DunningCase> found = new HashMap<>();
        cases.findByIds(tenant, actions.stream().map(Dunning::caseIdOf).toList())
                .forEach(dunningCase -> found.put(dunningCase.id(), dunningCase));
        Map<DunningCaseId, DunningCase> delivered = new LinkedHashMap<>();
        List<NewActivity> activities = new ArrayList<>();
        for (Action action : actions) {
            DunningCase dunningCase = found.get(caseIdOf(action));
            if (dunningCase != null) {
                recordDelivery(dunningCase, action).ifPresent(activities::add);
                delivered.put(dunningCase.id(), dunningCase);
            }
        }
        if (!delivered.isEmpty()) {
            cases.saveAll(List.copyOf(delivered.values()));
        }
        if (!activities.isEmpty()) {
            crm.activities().logActivities(activities);
        }
    }

    /** Notes the delivery in the case's history where it belongs there; returns the activity for the timeline. */
    private Optional<NewActivity> recordDelivery(DunningCase dunningCase, Action action) {
        LocalDate on = LocalDate.ofInstant(action.finishedAt(), zone);
        if (action.payload() instanceof Message message) {
            dunningCase.note(new CaseEvent(on, CaseEventKind.NOTICE_DELIVERED, dunningCase.topLevel(), List.of(),
                    null, null, null, message.channel(), "to " + message.address() + ": " + message.subject(), null));
            return Optional.of(NewActivity.of(message.channel().activityKind(), Direction.OUTBOUND, message.subject(),
                    action.finishedAt()).aboutAccount(dunningCase.account()).withSummary(message.body()));
        } else if (action.payload() instanceof CallQueueEntry entry) {
            return Optional.of(NewActivity.of(ActivityKind.NOTE, null, "Call queued: " + entry.task().subject(),
                    action.finishedAt()).aboutAccount(dunningCase.account()).withSummary(entry.task().description()));
        } else if (action.payload() instanceof LegalHandOffRequest request) {
            dunningCase.note(CaseEvent.of(on, CaseEventKind.HANDED_TO_LAWYER, dunningCase.topLevel(), List.of(),
                    request.dossier().claim().total(), "dossier delivered"));
            return Optional.of(NewActivity.of(ActivityKind.NOTE, null, "Handed over to the lawyer", action.finishedAt())
                    .aboutAccount(dunningCase.account()).withSummary("Claim " + request.dossier().claim().summary()));
        }
        return Optional.empty();
    }

    /**
     * Records the failure in the case's history; a notice that failed on one channel for good goes out on the next
     * usable channel of its level (e.g. a letter when the email bounced), under its own deduplication key.
     */
    @Override
    public void onFailed(Action action) {
        caseOf(action).ifPresent(dunningCase -> {
            LocalDate on = LocalDate.ofInstant(action.finishedAt(), zone);
            dunningCase.note(new CaseEvent(on, CaseEventKind.DELIVERY_FAILED, dunningCase.topLevel(), List.of(), null,
                    null, null, action.payload() instanceof Message message ? message.channel() : null,
                    action.payload().describe() + ": " + action.lastError(), null));
            if (action.payload() instanceof Message failed && dunningCase.isOpen()) {
                fallBack(dunningCase, action, failed, on);
            }
            cases.save(dunningCase);
        });
    }

    private void fallBack(DunningCase dunningCase, Action action, Message failed, LocalDate on) {
        DunningPolicy policy = policyOf(dunningCase);
        int level = dunningCase.lastLevel();
        while (level > 0 && !policy.level(level).noticeChannels().contains(failed.channel())) {
            level--;
        }
        Account account = crm.parties().findAccount(dunningCase.account()).orElse(null);
        if (level == 0 || account == null) {
            return;
        }
        int noticeLevel = level;
        List<Channel> channels = policy.level(level).noticeChannels();
        List<Channel> remaining = channels.subList(channels.indexOf(failed.channel()) + 1,
                channels.size());
        recipients.find(account, remaining, failed.language()).ifPresent(to -> {
            Message fallback = new Message(to.channel(), to.address(), to.name(), failed.subject(), failed.body(),
                    failed.language(), failed.about());
            runtime.outbox().schedule(NAME, new PlannedAction(action.deduplicationKey() + ":"
                    + to.channel().name().toLowerCase(Locale.ROOT),
                    action.subject(), fallback, action.finishedAt()));
            dunningCase.note(new CaseEvent(on, CaseEventKind.CHANNEL_FALLBACK,
                    noticeLevel, List.of(), null, null, null, to.channel(), "falling back to " + to.channel() + " to "
                    + to.address(), null));
        });
    }

    private Optional<DunningCase> caseOf(Action action) {
        return cases.findById(action.tenant(), caseIdOf(action));
    }

    private static DunningCaseId caseIdOf(Action action) {
        return DunningCaseId.of(UUID.fromString(action.subject().substring("dunning:".length())));
    }

    /** Configures {@link Dunning}: at least one policy. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private final Map<String, DunningPolicy> policies = new LinkedHashMap<>();
        private String firstPolicy;
        private Function<Account, String> policyChoice;
        private NoticeRenderer renderer = new PlainNoticeRenderer();
        private LegalHandOff legalHandOff;
        private ZoneId zone;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
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
            Require.that(!policies.isEmpty(), "policies", "dunning needs at least one policy");
            return new Dunning(this);
        }
    }
}
