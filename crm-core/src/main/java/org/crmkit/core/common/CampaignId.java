package org.crmkit.core.common;

import java.util.UUID;

/** Id of a campaign record. */
public record CampaignId(UUID value) implements EntityId {

    public CampaignId {
        Require.notNull(value, "campaignId");
    }

    public static CampaignId of(UUID value) {
        return new CampaignId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static CampaignId parse(String text) {
        return new CampaignId(Ids.parseUuid(text, "campaignId"));
    }

    /** A new time-ordered id. */
    public static CampaignId next(IdGenerator ids) {
        return new CampaignId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
