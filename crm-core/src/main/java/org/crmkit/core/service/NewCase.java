package org.crmkit.core.service;

import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;

/**
 * What to open as a case: who it is from (an account, a contact or both; at least one), what it is about and how
 * it came in.
 *
 * @param description optional, at most 10,000 characters
 * @param priority    {@link CasePriority#NORMAL} when null
 */
public record NewCase(
        AccountId account,
        ContactId contact,
        String subject,
        String description,
        CaseChannel channel,
        CaseCategory category,
        CasePriority priority) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 10_000;

    public NewCase {
        Require.that(account != null || contact != null, "customer", "an account or a contact is required");
        subject = Require.maxLength(Require.notBlank(subject, "subject"), MAX_SUBJECT, "subject");
        description = Require.maxLength(Require.optional(description), MAX_TEXT, "description");
        Require.notNull(channel, "channel");
        Require.notNull(category, "category");
        priority = priority == null ? CasePriority.NORMAL : priority;
    }

    /** A case from a contact of an account (either may be null, not both). */
    public static NewCase of(
            AccountId account,
            ContactId contact,
            String subject,
            CaseChannel channel,
            CaseCategory category,
            CasePriority priority) {
        return new NewCase(account, contact, subject, null, channel, category, priority);
    }

    public NewCase withDescription(String description) {
        return new NewCase(account, contact, subject, description, channel, category, priority);
    }
}
