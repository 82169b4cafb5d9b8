package org.crmkit.workflow.dunning;

import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * The subject of a dunning case's actions on the runtime ({@code dunning:<case id>}): cancelling a case's pending
 * actions and finding the case of a delivered or failed action go through it, and its deduplication keys start
 * with it.
 */
record CaseSubject(DunningCaseId id) {

    private static final String PREFIX = "dunning:";

    CaseSubject {
        Require.notNull(id, "id");
    }

    static CaseSubject of(DunningCase dunningCase) {
        return new CaseSubject(dunningCase.id());
    }

    /** Reads an action's subject back; {@code InvalidValueException} naming {@code subject} for another workflow's. */
    static CaseSubject parse(String subject) {
        Require.notNull(subject, "subject");
        if (!subject.startsWith(PREFIX)) {
            throw InvalidValueException.invalid("subject", "'" + subject + "' is not a dunning case's");
        }
        try {
            return new CaseSubject(DunningCaseId.of(UUID.fromString(subject.substring(PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid("subject", "'" + subject + "' does not name a case: " + e.getMessage());
        }
    }

    /** The deduplication key of an action of the case's step {@code step}, e.g. {@code dunning:<id>:3:notice}. */
    String key(int step, String action) {
        return text() + ":" + step + ":" + action;
    }

    String text() {
        return PREFIX + id.value();
    }
}
