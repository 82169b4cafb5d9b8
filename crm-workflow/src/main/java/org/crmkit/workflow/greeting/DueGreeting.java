package org.crmkit.workflow.greeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.crmkit.core.common.ContactId;

/**
 * A greeting whose time has come, for a contact who may receive it as the page of candidates read them; {@code day}
 * is the occasion's day in the contact's time zone.
 */
record DueGreeting(
        ContactId contact,
        String key,
        String occasion,
        String template,
        LocalDate day,
        Instant due,
        Map<String, String> extra) {}
