package org.crmkit.core.lead;

import org.crmkit.core.common.Require;

/** The UTM parameters a lead arrived with; each is optional (null) and at most 200 characters. */
public record UtmAttribution(String source, String medium, String campaign, String term, String content) {

    public static final UtmAttribution NONE = new UtmAttribution(null, null, null, null, null);

    public UtmAttribution {
        source = Require.maxLength(Require.optional(source), 200, "utm.source");
        medium = Require.maxLength(Require.optional(medium), 200, "utm.medium");
        campaign = Require.maxLength(Require.optional(campaign), 200, "utm.campaign");
        term = Require.maxLength(Require.optional(term), 200, "utm.term");
        content = Require.maxLength(Require.optional(content), 200, "utm.content");
    }
}
