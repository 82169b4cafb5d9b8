package org.crmkit.core.marketing;

/**
 * Where a campaign stands. The allowed moves:
 * <pre>
 * PLANNED -> ACTIVE, ABORTED
 * ACTIVE  -> COMPLETED, ABORTED
 * COMPLETED, ABORTED: final
 * </pre>
 */
public enum CampaignStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    ABORTED;

    /** Whether a campaign in this status may move to {@code target}. */
    public boolean canMoveTo(CampaignStatus target) {
        return switch (this) {
            case PLANNED -> target == ACTIVE || target == ABORTED;
            case ACTIVE -> target == COMPLETED || target == ABORTED;
            case COMPLETED, ABORTED -> false;
        };
    }
}
