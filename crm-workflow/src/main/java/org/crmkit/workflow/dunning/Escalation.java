package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.Recipients;

/**
 * Takes a step on a case: records it (the case computes its whole claim), and plans what its levels do: the notice
 * on the first usable channel, the call task, the credit hold on the account and the lawyer's hand-off with its
 * dossier.
 */
final class Escalation {

    private final DunningContext context;
    private final NoticeRenderer renderer;
    private final Recipients recipients;
    private final Dossiers dossiers;

    Escalation(DunningContext context, NoticeRenderer renderer, Dossiers dossiers) {
        this.context = context;
        this.renderer = renderer;
        this.recipients = Recipients.of(context.crm());
        this.dossiers = dossiers;
    }

    /**
     * Takes the step on the evaluated case: adds the actions it plans to {@code actions}, places a credit hold on the
     * account (and puts the changed account into {@code accounts}) and records the step on the case. The notice, the
     * call task and the dossier state the claim the case computes after the step.
     */
    void take(
            CaseEvaluation.Evaluated evaluation,
            DunningStep step,
            Map<AccountId, Account> accounts,
            LocalDate today,
            Instant asOf,
            List<PlannedAction> actions) {
        DunningCase dunningCase = evaluation.dunningCase();
        DunningPolicy policy = evaluation.group().policy();
        List<DunningLevel> reached =
                step.levelsReached().stream().map(policy::level).toList();
        CaseSubject subject = CaseSubject.of(dunningCase);
        int stepNumber = dunningCase.steps() + 1;
        Account account = accounts.get(dunningCase.account());
        String accountName = account == null ? dunningCase.account().toString() : account.name();

        DunningLevel noticeLevel = reached.stream()
                .filter(DunningLevel::sendsNotice)
                .reduce((a, b) -> b)
                .orElse(null);
        Optional<Recipients.Recipient> recipient = noticeLevel == null || account == null
                ? Optional.empty()
                : recipients.find(account, noticeLevel.noticeChannels(), policy.language());
        if (noticeLevel != null && recipient.isEmpty()) {
            dunningCase.log().noticeUndeliverable(today, step, noticeLevel.noticeChannels());
        }
        Money feesBefore = dunningCase.fees();
        Claim claim = dunningCase.reach(
                step,
                policy,
                evaluation.invoices(),
                today,
                context.zone(),
                recipient.map(Recipients.Recipient::channel).orElse(null),
                recipient.map(to -> "notice to " + to.address()).orElse(null),
                context.clock());
        if (recipient.isPresent()) {
            Recipients.Recipient to = recipient.get();
            Notice notice = new Notice(
                    noticeLevel.template(),
                    step.level(),
                    to.language(),
                    accountName,
                    to.name(),
                    to.channel(),
                    today,
                    today.plusDays(noticeLevel.paymentDeadlineDays()),
                    dunningCase.fees().minus(feesBefore),
                    claim);
            RenderedNotice text = renderer.render(notice);
            Message message = new Message(
                    to.channel(),
                    to.address(),
                    to.name(),
                    text.subject(),
                    text.body(),
                    to.language(),
                    RecordRef.account(dunningCase.account()));
            actions.add(new PlannedAction(subject.key(stepNumber, "notice"), subject.text(), message, asOf));
        }

        DunningLevel callLevel = reached.stream()
                .filter(l -> l.callTask() != null)
                .reduce((a, b) -> b)
                .orElse(null);
        if (callLevel != null && account != null) {
            NewTask task = new NewTask(
                    "Dunning call: " + accountName + " (level " + step.level() + ")",
                    describe(claim),
                    today.plusDays(callLevel.callTask().dueInDays())
                            .atTime(LocalTime.of(17, 0))
                            .atZone(context.zone())
                            .toInstant(),
                    caller(callLevel.callTask(), account),
                    callLevel.callTask().priority(),
                    RecordRef.account(account.id()),
                    null);
            actions.add(
                    new PlannedAction(subject.key(stepNumber, "call"), subject.text(), new CallQueueEntry(task), asOf));
            dunningCase
                    .log()
                    .callQueued(today, step.level(), claim, "call for " + task.assignee() + " due " + task.dueAt());
        }
        if (account != null && reached.stream().anyMatch(DunningLevel::creditHold) && !account.isOnCreditHold()) {
            accounts.put(
                    account.id(),
                    context.crm()
                            .parties()
                            .placeOnCreditHold(
                                    account.id(), "dunning level " + step.level() + " of case " + dunningCase.id()));
            dunningCase.creditHoldPlaced(today);
        }
        if (reached.stream().anyMatch(DunningLevel::legalHandOff) && !dunningCase.handedOver()) {
            Dossier dossier = dossiers.prepare(dunningCase, account, accountName, evaluation.invoices(), claim);
            actions.add(new PlannedAction(
                    subject.key(stepNumber, "legal"), subject.text(), new LegalHandOffRequest(dossier), asOf));
            dunningCase.handOver(today, claim);
        }
    }

    private UserId caller(CallTask callTask, Account account) {
        if (callTask.assignee() != null) {
            return callTask.assignee();
        }
        if (callTask.team() != null) {
            return context.crm().access().team(callTask.team()).lead().orElse(account.owner());
        }
        return account.owner();
    }

    private static String describe(Claim claim) {
        return claim.lines().stream()
                .map(line -> line.invoice() + " due " + line.dueDate() + ": "
                        + line.balance().rounded() + " (level " + line.level() + ")")
                .collect(Collectors.joining("\n", "", "\nTotal claimed: " + claim.summary()));
    }
}
