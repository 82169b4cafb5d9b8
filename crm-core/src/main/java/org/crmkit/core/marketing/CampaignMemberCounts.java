package org.crmkit.core.marketing;

import java.util.EnumMap;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * How many members a campaign has in each status, and how many of them responded at some time (a member that
 * responded and then converted or unsubscribed still counts as a response). Statuses without members count 0.
 */
public record CampaignMemberCounts(Map<CampaignMemberStatus, Long> byStatus, long responded) {

    public CampaignMemberCounts {
        Require.notNull(byStatus, "byStatus");
        Map<CampaignMemberStatus, Long> counts = new EnumMap<>(CampaignMemberStatus.class);
        for (CampaignMemberStatus status : CampaignMemberStatus.values()) {
            counts.put(status, Require.notNegative(byStatus.getOrDefault(status, 0L), "byStatus." + status));
        }
        byStatus = Map.copyOf(counts);
        Require.notNegative(responded, "responded");
    }

    /** No members at all. */
    public static CampaignMemberCounts none() {
        return new CampaignMemberCounts(Map.of(), 0);
    }

    /** Members in the status. */
    public long of(CampaignMemberStatus status) {
        return byStatus.get(Require.notNull(status, "status"));
    }

    /** Every member. */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Members that responded, as {@link #responded()}. */
    public long responses() {
        return responded;
    }

    /** Members that converted. */
    public long conversions() {
        return of(CampaignMemberStatus.CONVERTED);
    }
}
