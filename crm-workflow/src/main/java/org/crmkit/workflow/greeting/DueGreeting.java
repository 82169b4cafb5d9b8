package org.crmkit.workflow.greeting;

import java.time.Instant;
import java.util.Map;
import org.crmkit.core.common.ContactId;

/** A greeting whose time has come, for a contact who may receive it as the page of candidates read them. */
record DueGreeting(
        ContactId contact,
        String key,
        String occasion,
        String template,
        int year,
        Instant due,
        Map<String, String> extra) {}
