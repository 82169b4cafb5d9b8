package org.crmkit.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.spi.PersonalDataHolder;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStore;

/**
 * The runtime's part in a person's rights: the actions of every workflow that name the person or carry their data
 * (messages to them, a dunning notice's or a greeting's text, a dossier handed to a lawyer, a call task) are listed
 * in a subject access export, and an erasure replaces their payloads, cancelling those not yet delivered. No legal
 * hold of its own: a workflow that has one (dunning) adds a holder of its own.
 */
final class WorkflowActionsHolder implements PersonalDataHolder {

    private final ActionStore actions;
    private final Clock clock;

    WorkflowActionsHolder(ActionStore actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "workflowActions";
    }

    @Override
    public List<String> legalHolds(DataSubject subject) {
        return List.of();
    }

    @Override
    public Map<String, List<?>> export(DataSubject subject) {
        List<Map<String, Object>> listed = holdingData(subject).stream()
                .map(WorkflowActionsHolder::exported)
                .toList();
        return Map.of("actions", listed);
    }

    /** The actions that mention the person, but not those whose payload holds no personal data (erased ones). */
    private List<Action> holdingData(DataSubject subject) {
        return actions.findMentioning(subject.tenant(), subject.identifiers()).stream()
                .filter(action -> action.payload().holdsPersonalData())
                .toList();
    }

    private static Map<String, Object> exported(Action action) {
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("workflow", action.workflow());
        exported.put("subject", action.subject());
        exported.put("status", action.status());
        exported.put("createdAt", action.createdAt());
        exported.put("finishedAt", action.finishedAt());
        exported.put("payloadType", action.payload().getClass().getSimpleName());
        exported.put("payload", action.payload());
        return exported;
    }

    @Override
    public int erase(DataSubject subject) {
        int changed = 0;
        for (Action action : holdingData(subject)) {
            Action erased = action.erased(clock.instant());
            if (!erased.equals(action)) {
                actions.update(erased);
                changed++;
            }
        }
        return changed;
    }
}
