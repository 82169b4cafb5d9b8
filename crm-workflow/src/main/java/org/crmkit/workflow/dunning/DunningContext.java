package org.crmkit.workflow.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.crmkit.core.Crm;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.WorkflowRuntime;

/**
 * What dunning's parts share: the runtime and its crmkit, the case store, the policies, and the zone whose calendar
 * days dunning counts in.
 */
record DunningContext(WorkflowRuntime runtime, Crm crm, DunningCaseStore cases, Policies policies, ZoneId zone) {

    Clock clock() {
        return crm.clock();
    }

    TenantId tenant() {
        return runtime.tenant();
    }

    LocalDate today() {
        return dayOf(crm.clock().instant());
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
