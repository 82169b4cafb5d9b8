package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.party.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of dunning: finds the groups of the overdue invoices no open case holds and the open cases that can change
 * (due, or their invoices changed), and evaluates them in chunks, each chunk in one transaction, a chunk that fails
 * group by group; and the re-evaluation of one account's cases. The open cases that are neither are not read.
 */
final class Planning {

    private static final Logger LOG = LoggerFactory.getLogger(Dunning.class);
    private static final int BATCH = 1000;
    /** Groups evaluated together in one transaction. */
    static final int CHUNK = 200;

    private final DunningContext context;
    private final CaseEvaluation evaluation;

    Planning(DunningContext context, CaseEvaluation evaluation) {
        this.context = context;
        this.evaluation = evaluation;
    }

    /** See {@link Dunning#planDue}. */
    int planDue(Instant asOf) {
        LocalDate today = context.dayOf(asOf);
        Map<String, CaseEvaluation.Group> groups = new LinkedHashMap<>();
        collectOverdue(today, groups);
        collectOpenCases(today, groups);
        List<CaseEvaluation.Group> byAccount = groups.values().stream()
                .sorted(Comparator.comparing(
                                (CaseEvaluation.Group group) -> group.account().value())
                        .thenComparing(group -> group.group().key()))
                .toList();
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
    private int planChunk(List<CaseEvaluation.Group> chunk, LocalDate today, Instant asOf) {
        if (context.runtime().transactions().isActive()) {
            return evaluation.evaluate(chunk, today, asOf, true);
        }
        try {
            return context.runtime().transactions().inTransaction(() -> evaluation.evaluate(chunk, today, asOf, true));
        } catch (RuntimeException e) {
            LOG.debug(
                    "dunning of {} groups together failed on {} ({}); evaluating them one by one",
                    chunk.size(),
                    today,
                    e.toString());
        }
        int planned = 0;
        for (CaseEvaluation.Group group : chunk) {
            try {
                planned += evaluateAlone(group, today, asOf, true);
            } catch (RuntimeException e) {
                LOG.error(
                        "dunning of {} failed on {}; the next run tries again",
                        group.group().key(),
                        today,
                        e);
            }
        }
        return planned;
    }

    /**
     * The groups of the open invoices due by the earliest first level of any policy that no open case holds yet
     * (storage leaves the items of open cases out without reading them), each with the invoices it may take in.
     */
    private void collectOverdue(LocalDate today, Map<String, CaseEvaluation.Group> groups) {
        LocalDate dueBefore = today.plusDays(1L + context.policies().lookaheadDays());
        Map<AccountId, Optional<DunningPolicy>> policyOf = new HashMap<>();
        DunningCaseStore.InvoiceOutsideCases after = null;
        while (true) {
            List<DunningCaseStore.InvoiceOutsideCases> batch =
                    context.cases().findInvoicesOutsideOpenCases(context.tenant(), dueBefore, after, BATCH);
            policyOf.putAll(policiesOf(
                    batch.stream()
                            .map(DunningCaseStore.InvoiceOutsideCases::account)
                            .filter(account -> !policyOf.containsKey(account))
                            .collect(Collectors.toSet()),
                    today));
            for (DunningCaseStore.InvoiceOutsideCases invoice : batch) {
                policyOf.get(invoice.account()).ifPresent(policy -> {
                    DunningGroup group = policy.grouping() == Grouping.PER_INVOICE
                            ? new DunningGroup.OneInvoice(invoice.account(), invoice.invoice())
                            : new DunningGroup.AccountInCurrency(invoice.account(), policy.currency());
                    groups.computeIfAbsent(
                                    group.key(), k -> new CaseEvaluation.Group(group, policy, new LinkedHashSet<>()))
                            .joinable()
                            .add(invoice.invoice());
                });
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
        Set<AccountId> excluded =
                context
                        .cases()
                        .findHolds(
                                context.tenant(),
                                accounts.stream().map(RecordRef::account).toList())
                        .stream()
                        .map(hold -> AccountId.of(hold.subject().id()))
                        .collect(Collectors.toSet());
        Map<AccountId, Account> read =
                context.policies().choosesByAccount() ? context.crm().parties().findAccounts(accounts) : Map.of();
        Map<AccountId, Optional<DunningPolicy>> policyOf = new HashMap<>();
        for (AccountId account : accounts) {
            if (excluded.contains(account)) {
                policyOf.put(account, Optional.empty());
                continue;
            }
            try {
                policyOf.put(account, Optional.of(context.policies().of(read.get(account))));
            } catch (RuntimeException e) {
                LOG.error(
                        "dunning of account {} failed on {}: its policy cannot be chosen; the next run tries again",
                        account,
                        today,
                        e);
                policyOf.put(account, Optional.empty());
            }
        }
        return policyOf;
    }

    /** The groups of the open cases a run on {@code today} must evaluate: due, or with changed invoices. */
    private void collectOpenCases(LocalDate today, Map<String, CaseEvaluation.Group> groups) {
        DunningCaseId after = null;
        while (true) {
            List<DunningCase> batch = context.cases().findOpenToEvaluate(context.tenant(), today, after, BATCH);
            for (DunningCase open : batch) {
                groups.computeIfAbsent(
                        open.group().key(),
                        k -> new CaseEvaluation.Group(
                                open.group(), context.policies().of(open, context.crm()), new LinkedHashSet<>()));
                after = open.id();
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /** See {@link Dunning#reevaluate}. */
    void reevaluate(AccountId account) {
        LocalDate today = context.today();
        Map<String, CaseEvaluation.Group> groups = new LinkedHashMap<>();
        for (DunningCase open : context.cases().findByAccount(context.tenant(), account)) {
            if (open.isOpen()) {
                groups.put(
                        open.group().key(),
                        new CaseEvaluation.Group(
                                open.group(), context.policies().of(open, context.crm()), null));
            }
        }
        for (CaseEvaluation.Group group : groups.values()) {
            evaluateAlone(group, today, context.clock().instant(), false);
        }
    }

    /**
     * Evaluates one group in a transaction of its own: the path of {@link #reevaluate} and of a chunk that failed. A
     * collision that still happens despite the account's lock (an account outside crmkit, a delivery updating the
     * case) is evaluated again in a fresh transaction.
     */
    private int evaluateAlone(CaseEvaluation.Group group, LocalDate today, Instant asOf, boolean escalate) {
        return context.runtime()
                .inTransactionRetryingCollisions(
                        "dunning of " + group.group().key(),
                        () -> evaluation.evaluate(List.of(group), today, asOf, escalate));
    }
}
