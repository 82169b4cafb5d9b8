package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.Require;

/**
 * Service-level compliance of the cases opened in {@code [from, to)}, per team of the case's current assignee, as
 * of {@code asOf}; teams by name.
 */
public record SlaComplianceReport(Instant from, Instant to, Instant asOf, List<TeamCompliance> teams) {

    public SlaComplianceReport {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.that(to.isAfter(from), "to", "must be after from (" + from + "), was " + to);
        Require.notNull(asOf, "asOf");
        teams = Require.noNulls(teams, "teams");
    }

    /** The team's figures; a team without cases in the period has none. */
    public java.util.Optional<TeamCompliance> team(String name) {
        return teams.stream().filter(team -> team.team().equals(name)).findFirst();
    }
}
