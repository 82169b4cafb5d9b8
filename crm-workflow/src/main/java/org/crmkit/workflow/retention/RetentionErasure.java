package org.crmkit.workflow.retention;

import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.ActionPayload;

/** An erasure a retention rule made due: the contact or lead, and the rule's name. */
public record RetentionErasure(String rule, RecordRef subject) implements ActionPayload {

    public RetentionErasure {
        Require.notBlank(rule, "rule");
        Require.notNull(subject, "subject");
    }

    /** Names the record by id only, and is delivered by erasing it. */
    @Override
    public boolean holdsPersonalData() {
        return false;
    }

    @Override
    public String describe() {
        return "erase " + subject.type() + " " + subject.id() + " (retention rule " + rule + ")";
    }
}
