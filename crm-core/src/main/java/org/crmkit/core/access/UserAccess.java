package org.crmkit.core.access;

import java.util.List;
import org.crmkit.core.common.Require;

/**
 * A user with the teams it is a member or the lead of and the territories it is a member of: what its {@link
 * Visibility} is made of (with the teams down its manager hierarchy), as a storage reads it for a restricted call.
 * Immutable.
 */
public record UserAccess(User user, List<Team> teams, List<Territory> territories) {

    public UserAccess {
        Require.notNull(user, "user");
        teams = List.copyOf(Require.noNulls(teams, "teams"));
        territories = List.copyOf(Require.noNulls(territories, "territories"));
    }
}
