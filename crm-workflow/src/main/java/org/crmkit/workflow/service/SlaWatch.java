package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.PlannedAction;

/**
 * The service-level watch of {@link CustomerService}: finds the cases whose warning or breach time has come, marks
 * them in the conversation and schedules an {@link SlaWarning} or {@link SlaEscalation} in the same transaction
 * (deduplication key {@code customer-service:<case>:<milestone>:warning|escalation}), and delivers them: a task for
 * the assignee, or the case reassigned to the manager with a task for the manager.
 */
final class SlaWatch {

    private static final int BATCH = 200;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final ServiceSetup setup;

    SlaWatch(WorkflowRuntime runtime, ServiceSetup setup) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.setup = setup;
        runtime.handleInTransaction(SlaWarning.class, (action, warning) -> warn(warning));
        runtime.handleInTransaction(SlaEscalation.class, (action, escalation) -> escalate(escalation));
    }

    /** Plans the warnings and escalations due by {@code asOf}; returns how many it scheduled. */
    int planDue(Instant asOf) {
        int scheduled = 0;
        List<CaseConversation> due;
        do {
            due = runtime.inTransactionRetryingCollisions(
                    CustomerService.NAME, () -> setup.store().findDue(runtime.tenant(), asOf, BATCH));
            for (CaseConversation conversation : due) {
                scheduled +=
                        runtime.inTransactionRetryingCollisions(CustomerService.NAME, () -> plan(conversation, asOf));
            }
        } while (due.size() == BATCH);
        return scheduled;
    }

    private int plan(CaseConversation stale, Instant asOf) {
        CaseConversation conversation =
                setup.store().findByCase(stale.tenant(), stale.caseId()).orElseThrow();
        List<PlannedAction> planned = new ArrayList<>();
        List<SlaTarget> targets = new ArrayList<>();
        for (SlaTarget target : conversation.sla().targets()) {
            SlaTarget next = target;
            if (!target.warned() && target.warnAt() != null && !target.warnAt().isAfter(asOf)) {
                planned.add(action(
                        conversation,
                        target,
                        "warning",
                        new SlaWarning(conversation.caseId(), target.milestone(), target.dueAt()),
                        asOf));
                next = next.markWarned();
            }
            if (!target.escalated() && target.dueAt() != null && !target.dueAt().isAfter(asOf)) {
                planned.add(action(
                        conversation,
                        target,
                        "escalation",
                        new SlaEscalation(conversation.caseId(), target.milestone(), target.dueAt()),
                        asOf));
                next = next.markEscalated();
            }
            targets.add(next);
        }
        SlaClock clock = conversation.sla();
        setup.store().update(conversation.with(clock.with(clock.consumed(), clock.runningSince(), targets)));
        return runtime.outbox().scheduleAll(CustomerService.NAME, planned);
    }

    private static PlannedAction action(
            CaseConversation conversation, SlaTarget target, String what, ActionPayload payload, Instant asOf) {
        String subject = CustomerService.NAME + ":" + conversation.caseId();
        return new PlannedAction(
                subject + ":" + target.milestone().name().toLowerCase(Locale.ROOT) + ":" + what,
                subject,
                payload,
                asOf);
    }

    private void warn(SlaWarning warning) {
        Optional<ServiceCase> open = openCase(warning.caseId(), warning.milestone());
        open.ifPresent(serviceCase -> Optional.ofNullable(serviceCase.assignee())
                .or(() -> setup.escalation().managerOf(crm, serviceCase))
                .ifPresent(user -> task(
                        serviceCase, user, "SLA warning: " + label(warning.milestone()) + " due", warning.dueAt())));
    }

    private void escalate(SlaEscalation escalation) {
        openCase(escalation.caseId(), escalation.milestone())
                .ifPresent(serviceCase -> setup.escalation()
                        .managerOf(crm, serviceCase)
                        .ifPresent(manager -> {
                            if (!manager.equals(serviceCase.assignee())) {
                                crm.serviceDesk().assign(serviceCase.id(), manager);
                            }
                            task(
                                    serviceCase,
                                    manager,
                                    "SLA breached: " + label(escalation.milestone()) + " overdue",
                                    crm.clock().instant());
                        }));
    }

    /** The case while it is open and the milestone not reached; a late delivery finds nothing left to do. */
    private Optional<ServiceCase> openCase(CaseId caseId, Milestone milestone) {
        Optional<CaseConversation> conversation = setup.store().findByCase(runtime.tenant(), caseId);
        boolean pending = conversation.isPresent()
                && !conversation.get().sla().target(milestone).reached();
        return pending
                ? crm.serviceDesk()
                        .findCase(caseId)
                        .filter(serviceCase -> serviceCase.status().isOpen())
                : Optional.empty();
    }

    private void task(ServiceCase serviceCase, UserId user, String what, Instant dueAt) {
        String reference = CaseReferences.of(serviceCase.id());
        crm.activities()
                .createTask(NewTask.of(
                                what + " - " + shortened(serviceCase.subject()) + " [" + reference + "]", dueAt, user)
                        .withPriority(TaskPriority.HIGH)
                        .linkedTo(RecordRef.serviceCase(serviceCase.id())));
    }

    private static String shortened(String subject) {
        return subject.length() <= 120 ? subject : subject.substring(0, 119) + "…";
    }

    private static String label(Milestone milestone) {
        return milestone == Milestone.FIRST_RESPONSE ? "first response" : "resolution";
    }
}
