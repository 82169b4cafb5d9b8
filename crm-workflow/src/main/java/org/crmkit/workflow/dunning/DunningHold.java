package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Something dunning must leave alone: a disputed invoice (held out of its case while others continue) or an
 * excluded account (no case at all).
 */
public record DunningHold(TenantId tenant, RecordRef subject, String reason, LocalDate since) {

    public DunningHold {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        Require.that(
                subject.type() == RecordType.INVOICE || subject.type() == RecordType.ACCOUNT,
                "subject",
                "only an invoice (a dispute) or an account (an exclusion) can be held, was " + subject.type());
        reason = Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        Require.notNull(since, "since");
    }
}
