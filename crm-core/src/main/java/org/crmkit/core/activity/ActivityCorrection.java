package org.crmkit.core.activity;

import org.crmkit.core.common.Require;

/**
 * A correction of a logged activity: the new subject, summary and outcome (null outcome or summary clears it).
 * Kind, time, direction and parties of an activity are facts that are not corrected: delete and log again.
 */
public record ActivityCorrection(String subject, String summary, ActivityOutcome outcome) {

    public ActivityCorrection {
        subject = Require.maxLength(Require.notBlank(subject, "subject"), NewActivity.MAX_SUBJECT, "subject");
        summary = Require.maxLength(Require.optional(summary), NewActivity.MAX_SUMMARY, "summary");
    }

    public static ActivityCorrection of(String subject, String summary, ActivityOutcome outcome) {
        return new ActivityCorrection(subject, summary, outcome);
    }
}
