package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code crm_campaign_member} (schema 26): a contact or lead in a campaign, keyed by the tenant, the
 * campaign and the member (its id, then its type), with its status and times as plain columns and its own version.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_campaign_member")
@IdClass(CampaignMemberRow.Key.class)
class CampaignMemberRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "campaign_id", nullable = false, updatable = false)
    UUID campaignId;

    @Id
    @Column(name = "member_id", nullable = false, updatable = false)
    UUID memberId;

    @Id
    @Column(name = "member_type", nullable = false, updatable = false)
    String memberType;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "added_at", nullable = false, updatable = false)
    Instant addedAt;

    @Column(name = "status_changed_at", nullable = false)
    Instant statusChangedAt;

    @Column(name = "responded_at")
    Instant respondedAt;

    /** The key: tenant, campaign, member id and type. Read through its fields. */
    @Access(AccessType.FIELD)
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String tenantId;
        UUID campaignId;
        UUID memberId;
        String memberType;

        Key() {}

        Key(String tenantId, UUID campaignId, UUID memberId, String memberType) {
            this.tenantId = tenantId;
            this.campaignId = campaignId;
            this.memberId = memberId;
            this.memberType = memberType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && other.tenantId.equals(tenantId)
                    && other.campaignId.equals(campaignId)
                    && other.memberId.equals(memberId)
                    && other.memberType.equals(memberType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, campaignId, memberId, memberType);
        }
    }
}
