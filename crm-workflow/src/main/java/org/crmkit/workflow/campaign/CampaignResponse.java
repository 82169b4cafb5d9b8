package org.crmkit.workflow.campaign;

import java.time.Instant;
import org.crmkit.core.common.Require;

/** One response of a recipient to a campaign message and when it was recorded. */
public record CampaignResponse(ResponseKind kind, Instant at) {

    public CampaignResponse {
        Require.notNull(kind, "kind");
        Require.notNull(at, "at");
    }
}
