package org.crmkit.core.lead;

import org.crmkit.core.access.Team;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;

/**
 * What assignment rules need to know about the calling tenant's people when they decide (see
 * {@link LeadAssignmentRules#decide}): who is an active user, how many open leads a user holds, a team, and whose
 * turn it is in a team's rotation.
 */
public interface AssignmentFacts {

    /** Whether the user exists and is active. */
    boolean isActiveUser(UserId user);

    /** How many open (new, working or qualified) leads the user owns. */
    long openLeadsOf(UserId owner);

    /** The team; a {@code RecordNotFoundException} when it does not exist. */
    Team team(TeamId team);

    /** The team's stored rotation, or a new one when the team has not had a lead by rotation yet. */
    TeamRotation rotationOf(TeamId team);
}
