package org.crmkit.workflow.service;

import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.ServiceCase;

/**
 * Who a breached case goes to: the lead of the assignee's first team that has a lead, else the service manager
 * the host named; nobody when neither exists.
 */
record EscalationTarget(UserId serviceManager) {

    Optional<UserId> managerOf(Crm crm, ServiceCase serviceCase) {
        Optional<UserId> teamLead = Optional.ofNullable(serviceCase.assignee())
                .flatMap(assignee -> crm.access().teamsOf(assignee).stream()
                        .map(Team::lead)
                        .flatMap(Optional::stream)
                        .filter(lead -> !lead.equals(assignee))
                        .findFirst());
        return teamLead.or(() -> Optional.ofNullable(serviceManager));
    }
}
