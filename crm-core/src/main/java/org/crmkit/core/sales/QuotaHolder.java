package org.crmkit.core.sales;

import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;

/** Whose quota it is: exactly one of a user or a team. */
public record QuotaHolder(UserId user, TeamId team) {

    public QuotaHolder {
        Require.that((user == null) != (team == null), "holder", "must be exactly one of a user or a team");
    }

    public static QuotaHolder user(UserId user) {
        return new QuotaHolder(Require.notNull(user, "user"), null);
    }

    public static QuotaHolder team(TeamId team) {
        return new QuotaHolder(null, Require.notNull(team, "team"));
    }
}
