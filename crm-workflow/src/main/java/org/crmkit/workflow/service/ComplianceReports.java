package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Team;
import org.crmkit.core.service.ServiceCase;

/** Computes {@link SlaComplianceReport}s from the conversations and the cases' assignees' teams. */
final class ComplianceReports {

    private final Crm crm;
    private final ServiceSetup setup;

    ComplianceReports(Crm crm, ServiceSetup setup) {
        this.crm = crm;
        this.setup = setup;
    }

    SlaComplianceReport report(List<CaseConversation> conversations, Instant from, Instant to, Instant asOf) {
        Map<String, int[]> figures = new TreeMap<>();
        for (CaseConversation conversation : conversations) {
            ServiceCase serviceCase =
                    crm.serviceDesk().findCase(conversation.caseId()).orElse(null);
            if (serviceCase == null) {
                continue;
            }
            int[] team = figures.computeIfAbsent(teamOf(serviceCase), name -> new int[10]);
            team[0]++;
            count(team, 1, conversation, Milestone.FIRST_RESPONSE, asOf);
            count(team, 3, conversation, Milestone.RESOLUTION, asOf);
            SurveyAnswer answer = conversation.survey();
            if (answer != null && answer.csat() != null) {
                team[5] += answer.csat();
                team[6]++;
            }
            if (answer != null && answer.nps() != null) {
                team[7]++;
                team[8] += answer.promoter() ? 1 : 0;
                team[9] += answer.detractor() ? 1 : 0;
            }
        }
        return new SlaComplianceReport(
                from,
                to,
                asOf,
                figures.entrySet().stream()
                        .map(entry -> {
                            int[] f = entry.getValue();
                            return new TeamCompliance(
                                    entry.getKey(), f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
                        })
                        .toList());
    }

    /** Adds the milestone to met ({@code at}) or missed ({@code at + 1}) once it is decided. */
    private void count(int[] team, int at, CaseConversation conversation, Milestone milestone, Instant asOf) {
        SlaTarget target = conversation.sla().target(milestone);
        if (target.reached()) {
            team[target.onTime() ? at : at + 1]++;
        } else if (setup.timer(conversation.sla())
                        .consumedBy(conversation.sla(), asOf)
                        .compareTo(target.target())
                > 0) {
            team[at + 1]++;
        }
    }

    private String teamOf(ServiceCase serviceCase) {
        if (serviceCase.assignee() == null) {
            return "(unassigned)";
        }
        return crm.access().teamsOf(serviceCase.assignee()).stream()
                .map(Team::name)
                .sorted()
                .findFirst()
                .orElse("(no team)");
    }
}
