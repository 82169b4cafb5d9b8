package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceSettlement;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.SettlementKind;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Evaluates groups of cases in the caller's transaction: reconciles each group's case with its invoices and holds
 * (opening one when an invoice is due), and when escalating takes the step that is due through {@link Escalation};
 * then writes the actions, the changed cases and their events together.
 */
final class CaseEvaluation {

    /**
     * What one case groups, the policy it runs under, and the invoices outside open cases that may join it
     * ({@code joinable}, besides those of its case's items); null to consider every open invoice of the account.
     */
    record Group(DunningGroup group, DunningPolicy policy, Set<InvoiceId> joinable) {

        AccountId account() {
            return group.account();
        }
    }

    /** One group's case as reconciled with its invoices, and the step it takes now, if any. */
    record Evaluated(
            Group group,
            DunningCase dunningCase,
            DunningCaseState before,
            List<Invoice> invoices,
            Optional<DunningStep> step) {

        boolean changed() {
            return before == null || !before.equals(dunningCase.state());
        }
    }

    private final DunningContext context;
    private final Escalation escalation;
    private final IdGenerator ids;

    CaseEvaluation(DunningContext context, Escalation escalation) {
        this.context = context;
        this.escalation = escalation;
        this.ids = new IdGenerator(context.clock());
    }

    /**
     * Reconciles the groups' cases and, when {@code escalate}, takes the levels that are due; returns the actions
     * planned. Runs in the caller's transaction with a constant number of statements for any number of groups (up
     * to the size of a chunk): the groups' accounts are locked first, in one call, so that another node evaluating
     * any of them at the same moment waits and then finds the steps taken; then their open cases, invoices and holds
     * are read together, every group is evaluated in memory, the accounts of the groups taking a step are read, and
     * the actions, cases and events are written together at the end.
     */
    int evaluate(List<Group> groups, LocalDate today, Instant asOf, boolean escalate) {
        TenantId tenant = context.tenant();
        List<AccountId> accounts =
                groups.stream().map(Group::account).distinct().toList();
        context.runtime()
                .outbox()
                .lock(accounts.stream().map(RecordRef::account).toList());
        Map<String, DunningCase> openCases = new HashMap<>();
        context.cases()
                .findOpenByAccounts(tenant, accounts)
                .forEach(open -> openCases.put(open.group().key(), open));
        Map<String, List<Invoice>> invoices = invoicesOf(groups, openCases);
        Set<RecordRef> held = heldAmong(groups, invoices);

        List<Evaluated> evaluations = new ArrayList<>();
        for (Group group : groups) {
            reconcile(
                            group,
                            openCases.get(group.group().key()),
                            invoices.get(group.group().key()),
                            held,
                            today,
                            escalate)
                    .ifPresent(evaluations::add);
        }
        Map<AccountId, Account> accountsTakingAStep = context.crm()
                .parties()
                .findAccounts(evaluations.stream()
                        .filter(evaluation -> evaluation.step().isPresent())
                        .map(evaluation -> evaluation.group().account())
                        .distinct()
                        .toList());
        List<PlannedAction> actions = new ArrayList<>();
        for (Evaluated evaluation : evaluations) {
            evaluation
                    .step()
                    .ifPresent(step -> escalation.take(evaluation, step, accountsTakingAStep, today, asOf, actions));
        }

        int planned = actions.isEmpty() ? 0 : context.runtime().outbox().scheduleAll(Dunning.NAME, actions);
        List<DunningCase> changed = evaluations.stream()
                .filter(Evaluated::changed)
                .map(Evaluated::dunningCase)
                .toList();
        if (!changed.isEmpty()) {
            context.cases().saveAll(changed);
            context.runtime()
                    .recordEvents(changed.stream()
                            .flatMap(dunningCase -> dunningCase.pendingEvents().stream())
                            .toList());
        }
        return planned;
    }

    /**
     * The group's case reconciled with its invoices and holds (a new one when none is open and an invoice is due),
     * with the step due when {@code escalate}; empty when the group has no case and needs none.
     */
    private Optional<Evaluated> reconcile(
            Group group,
            DunningCase existing,
            List<Invoice> invoices,
            Set<RecordRef> held,
            LocalDate today,
            boolean escalate) {
        DunningPolicy policy = group.policy();
        boolean excluded = held.contains(RecordRef.account(group.account()));
        Set<InvoiceId> disputed = invoices.stream()
                .filter(invoice -> held.contains(RecordRef.invoice(invoice.id())))
                .map(Invoice::id)
                .collect(Collectors.toSet());
        DunningCase dunningCase;
        DunningCaseState before;
        if (existing != null) {
            dunningCase = existing;
            before = dunningCase.state();
        } else {
            boolean anyDue = invoices.stream()
                    .anyMatch(invoice -> invoice.isOpen()
                            && invoice.currency().equals(policy.currency())
                            && !invoice.dueDate()
                                    .plusDays(policy.firstOffsetDays())
                                    .isAfter(today));
            if (excluded || !anyDue) {
                return Optional.empty();
            }
            dunningCase = DunningCase.open(
                    context.tenant(), DunningCaseId.next(ids), policy, group.group(), today, context.clock());
            before = null;
        }
        if (dunningCase.reconcile(policy, invoices, disputed, today, this::settledOn, context.clock())
                && before != null) {
            cancelPending(dunningCase, today);
        }
        Optional<DunningStep> step = Optional.empty();
        if (!dunningCase.isOpen()) {
            releaseCreditHold(dunningCase, today);
        } else if (escalate && !excluded) {
            step = dunningCase.dueStep(policy, today);
        }
        return Optional.of(new Evaluated(group, dunningCase, before, invoices, step));
    }

    /**
     * The day an invoice that is no longer open was settled: the day its last payment was received, or the day its
     * last credit note was applied; today for an invoice voided or written off.
     */
    private LocalDate settledOn(Invoice invoice) {
        List<InvoiceSettlement> settlements = invoice.settlements();
        if (invoice.status() != InvoiceStatus.PAID || settlements.isEmpty()) {
            return context.today();
        }
        InvoiceSettlement last = settlements.get(settlements.size() - 1);
        LocalDate applied = context.dayOf(last.settledAt());
        if (last.kind() != SettlementKind.PAYMENT) {
            return applied;
        }
        return context.crm()
                .billing()
                .payment(PaymentId.of(last.source()))
                .map(Payment::receivedOn)
                .orElse(applied);
    }

    /**
     * The invoices of each group, by group key, read together: the open invoices of the accounts of per-account
     * groups that consider every one of them, and by id the invoices that may join the other groups and those of the
     * open cases' items (in any status).
     */
    private Map<String, List<Invoice>> invoicesOf(List<Group> groups, Map<String, DunningCase> openCases) {
        Map<AccountId, List<Invoice>> openOf = context.crm()
                .billing()
                .openInvoicesOf(groups.stream()
                        .filter(group ->
                                group.joinable() == null && group.group() instanceof DunningGroup.AccountInCurrency)
                        .map(Group::account)
                        .distinct()
                        .toList());
        Set<InvoiceId> found =
                openOf.values().stream().flatMap(List::stream).map(Invoice::id).collect(Collectors.toSet());
        Set<InvoiceId> byId = new LinkedHashSet<>();
        for (Group group : groups) {
            if (group.group() instanceof DunningGroup.OneInvoice one) {
                byId.add(one.invoice());
            } else if (group.joinable() != null) {
                byId.addAll(group.joinable());
            }
            DunningCase open = openCases.get(group.group().key());
            if (open != null) {
                open.items().stream()
                        .map(CaseItem::invoice)
                        .filter(invoice -> !found.contains(invoice))
                        .forEach(byId::add);
            }
        }
        Map<InvoiceId, Invoice> read =
                byId.isEmpty() ? Map.of() : context.crm().billing().invoices(byId);
        Map<String, List<Invoice>> invoices = new HashMap<>();
        for (Group group : groups) {
            Map<InvoiceId, Invoice> ofGroup = new LinkedHashMap<>();
            if (group.group() instanceof DunningGroup.OneInvoice one) {
                Optional.ofNullable(read.get(one.invoice())).ifPresent(invoice -> ofGroup.put(invoice.id(), invoice));
            } else if (group.joinable() == null) {
                openOf.getOrDefault(group.account(), List.of()).forEach(invoice -> ofGroup.put(invoice.id(), invoice));
            } else {
                group.joinable().stream()
                        .map(read::get)
                        .filter(invoice -> invoice != null && invoice.isOpen())
                        .forEach(invoice -> ofGroup.put(invoice.id(), invoice));
            }
            DunningCase open = openCases.get(group.group().key());
            if (open != null) {
                for (CaseItem item : open.items()) {
                    Invoice invoice = read.get(item.invoice());
                    if (invoice != null) {
                        ofGroup.putIfAbsent(invoice.id(), invoice);
                    }
                }
            }
            invoices.put(group.group().key(), new ArrayList<>(ofGroup.values()));
        }
        return invoices;
    }

    /** The groups' accounts and open invoices that are held (excluded, disputed), in one read. */
    private Set<RecordRef> heldAmong(List<Group> groups, Map<String, List<Invoice>> invoices) {
        Set<RecordRef> holdable = new LinkedHashSet<>();
        for (Group group : groups) {
            holdable.add(RecordRef.account(group.account()));
            invoices.get(group.group().key()).stream()
                    .filter(Invoice::isOpen)
                    .forEach(invoice -> holdable.add(RecordRef.invoice(invoice.id())));
        }
        return context.cases().findHolds(context.tenant(), holdable).stream()
                .map(DunningHold::subject)
                .collect(Collectors.toSet());
    }

    /** Cancels the case's actions not delivered yet and notes them in its history. */
    void cancelPending(DunningCase dunningCase, LocalDate today) {
        List<Action> cancelled = context.runtime()
                .outbox()
                .cancelPending(CaseSubject.of(dunningCase).text());
        if (!cancelled.isEmpty()) {
            dunningCase
                    .log()
                    .actionsCancelled(
                            today,
                            cancelled.stream().map(a -> a.payload().describe()).collect(Collectors.joining("; ")));
        }
    }

    private void releaseCreditHold(DunningCase dunningCase, LocalDate today) {
        if (dunningCase.creditHoldPlaced()) {
            context.crm()
                    .parties()
                    .findAccount(dunningCase.account())
                    .filter(Account::isOnCreditHold)
                    .ifPresent(account -> context.crm().parties().releaseCreditHold(account.id()));
            dunningCase.creditHoldReleased(today);
        }
    }
}
