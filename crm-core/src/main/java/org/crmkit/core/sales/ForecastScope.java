package org.crmkit.core.sales;

import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;

/**
 * Whose deals a forecast counts: those of one owner or of the members (and lead) of one team (at most one of the
 * two), optionally only in one pipeline; all null: every deal of the tenant.
 */
public record ForecastScope(UserId owner, TeamId team, PipelineId pipeline) {

    /** Every deal of the tenant. */
    public static final ForecastScope ALL = new ForecastScope(null, null, null);

    public ForecastScope {
        Require.that(owner == null || team == null, "scope", "is either an owner's or a team's, not both");
    }

    public static ForecastScope owner(UserId owner) {
        return new ForecastScope(Require.notNull(owner, "owner"), null, null);
    }

    public static ForecastScope team(TeamId team) {
        return new ForecastScope(null, Require.notNull(team, "team"), null);
    }

    public static ForecastScope pipeline(PipelineId pipeline) {
        return new ForecastScope(null, null, Require.notNull(pipeline, "pipeline"));
    }

    /** The same scope narrowed to one pipeline. */
    public ForecastScope inPipeline(PipelineId newPipeline) {
        return new ForecastScope(owner, team, Require.notNull(newPipeline, "pipeline"));
    }

    /** The holder of the quota this scope is measured against, or null for a scope without one. */
    public QuotaHolder quotaHolder() {
        if (owner != null) {
            return QuotaHolder.user(owner);
        }
        return team == null ? null : QuotaHolder.team(team);
    }
}
