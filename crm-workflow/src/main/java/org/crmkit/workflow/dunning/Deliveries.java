package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.Recipients;

/**
 * What follows a delivery of a case's action: delivered notices and hand-offs go into the case's history and every
 * delivery onto the account's timeline; a notice that failed for good goes out again on its level's next usable
 * channel.
 */
final class Deliveries {

    private final DunningContext context;
    private final Recipients recipients;

    Deliveries(DunningContext context) {
        this.context = context;
        this.recipients = Recipients.of(context.crm());
    }

    /**
     * Notes the delivered notices and hand-offs in their cases' histories and logs every delivery on the account's
     * timeline: per tenant, the entries are appended to the cases' histories together (without reading the histories)
     * and the activities logged in one change, in the order of the actions.
     */
    void delivered(List<Action> actions) {
        Map<TenantId, List<Action>> byTenant = new LinkedHashMap<>();
        actions.forEach(action -> byTenant.computeIfAbsent(action.tenant(), t -> new ArrayList<>())
                .add(action));
        byTenant.forEach(this::delivered);
    }

    private void delivered(TenantId tenant, List<Action> actions) {
        Map<DunningCaseId, List<Action>> byCase = new LinkedHashMap<>();
        actions.forEach(action -> byCase.computeIfAbsent(caseIdOf(action), id -> new ArrayList<>())
                .add(action));
        Map<Action, NewActivity> activities = new IdentityHashMap<>();
        context.cases().appendToHistories(tenant, byCase.keySet(), dunningCase -> {
            List<CaseEvent> entries = new ArrayList<>();
            CaseLog log = new CaseLog(entries, dunningCase.topLevel());
            for (Action action : byCase.get(dunningCase.id())) {
                delivered(dunningCase, log, action).ifPresent(activity -> activities.put(action, activity));
            }
            return entries;
        });
        List<NewActivity> logged =
                actions.stream().map(activities::get).filter(Objects::nonNull).toList();
        if (!logged.isEmpty()) {
            context.crm().activities().logActivities(logged);
        }
    }

    /** Notes the delivery in {@code log} where it belongs in the history; returns the activity for the timeline. */
    private Optional<NewActivity> delivered(DunningCase dunningCase, CaseLog log, Action action) {
        LocalDate on = context.dayOf(action.finishedAt());
        if (action.payload() instanceof Message message) {
            log.noticeDelivered(on, message.channel(), "to " + message.address() + ": " + message.subject());
            return Optional.of(NewActivity.of(
                            message.channel().activityKind(),
                            Direction.OUTBOUND,
                            message.subject(),
                            action.finishedAt())
                    .aboutAccount(dunningCase.account())
                    .withSummary(message.body()));
        } else if (action.payload() instanceof CallQueueEntry entry) {
            return Optional.of(NewActivity.of(
                            ActivityKind.NOTE,
                            null,
                            "Call queued: " + entry.task().subject(),
                            action.finishedAt())
                    .aboutAccount(dunningCase.account())
                    .withSummary(entry.task().description()));
        } else if (action.payload() instanceof LegalHandOffRequest request) {
            log.dossierDelivered(on, request.dossier().claim());
            return Optional.of(NewActivity.of(ActivityKind.NOTE, null, "Handed over to the lawyer", action.finishedAt())
                    .aboutAccount(dunningCase.account())
                    .withSummary("Claim " + request.dossier().claim().summary()));
        }
        return Optional.empty();
    }

    /**
     * Records the failure in the case's history; a notice that failed on one channel for good goes out on the next
     * usable channel of its level (e.g. a letter when the email bounced), under its own deduplication key.
     */
    void failed(Action action) {
        context.cases().findById(action.tenant(), caseIdOf(action)).ifPresent(dunningCase -> {
            LocalDate on = context.dayOf(action.finishedAt());
            dunningCase
                    .log()
                    .deliveryFailed(
                            on,
                            action.payload() instanceof Message message ? message.channel() : null,
                            action.payload().describe() + ": " + action.lastError());
            if (action.payload() instanceof Message failed && dunningCase.isOpen()) {
                fallBack(dunningCase, action, failed, on);
            }
            context.cases().save(dunningCase);
        });
    }

    private void fallBack(DunningCase dunningCase, Action action, Message failed, LocalDate on) {
        DunningPolicy policy = context.policies().of(dunningCase, context.crm());
        int level = dunningCase.lastLevel();
        while (level > 0 && !policy.level(level).noticeChannels().contains(failed.channel())) {
            level--;
        }
        Account account =
                context.crm().parties().findAccount(dunningCase.account()).orElse(null);
        if (level == 0 || account == null) {
            return;
        }
        int noticeLevel = level;
        List<Channel> channels = policy.level(level).noticeChannels();
        List<Channel> remaining = channels.subList(channels.indexOf(failed.channel()) + 1, channels.size());
        recipients.find(account, remaining, failed.language()).ifPresent(to -> {
            Message fallback = new Message(
                    to.channel(),
                    to.address(),
                    to.name(),
                    failed.subject(),
                    failed.body(),
                    failed.language(),
                    failed.about());
            context.runtime()
                    .outbox()
                    .schedule(
                            Dunning.NAME,
                            new PlannedAction(
                                    action.deduplicationKey() + ":"
                                            + to.channel().name().toLowerCase(Locale.ROOT),
                                    action.subject(),
                                    fallback,
                                    action.finishedAt()));
            dunningCase.log().fellBack(on, noticeLevel, to.channel(), to.address());
        });
    }

    private static DunningCaseId caseIdOf(Action action) {
        return CaseSubject.parse(action.subject()).id();
    }
}
