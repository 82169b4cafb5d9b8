package org.crmkit.core.marketing;

/**
 * How far a member has come in a campaign. The allowed moves:
 * <pre>
 * TARGETED     -> SENT, RESPONDED, CONVERTED, BOUNCED, UNSUBSCRIBED
 * SENT         -> RESPONDED, CONVERTED, BOUNCED, UNSUBSCRIBED
 * BOUNCED      -> SENT (sent again), UNSUBSCRIBED
 * RESPONDED    -> CONVERTED, UNSUBSCRIBED
 * CONVERTED    -> UNSUBSCRIBED
 * UNSUBSCRIBED: final
 * </pre>
 */
public enum CampaignMemberStatus {
    /** Chosen for the campaign, not contacted yet. */
    TARGETED,
    SENT,
    BOUNCED,
    RESPONDED,
    /** Responded and became a customer, an opportunity or a qualified lead. */
    CONVERTED,
    UNSUBSCRIBED;

    /** Whether a member in this status may move to {@code target}. */
    public boolean canMoveTo(CampaignMemberStatus target) {
        return switch (this) {
            case TARGETED -> target != TARGETED;
            case SENT -> target != TARGETED && target != SENT;
            case BOUNCED -> target == SENT || target == UNSUBSCRIBED;
            case RESPONDED -> target == CONVERTED || target == UNSUBSCRIBED;
            case CONVERTED -> target == UNSUBSCRIBED;
            case UNSUBSCRIBED -> false;
        };
    }

    /** Responded or converted: counts as a response. */
    public boolean isResponse() {
        return this == RESPONDED || this == CONVERTED;
    }
}
