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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of {@code crm_campaign_recipient}: a campaign's message to one contact as a JSON document, keyed by the
 * tenant, the campaign and the contact, with the columns its queries read.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_campaign_recipient")
@IdClass(CampaignRecipientRow.Key.class)
class CampaignRecipientRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "campaign_id", nullable = false, updatable = false)
    UUID campaignId;

    @Id
    @Column(name = "contact_id", nullable = false, updatable = false)
    UUID contactId;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "unsubscribe_token", nullable = false, updatable = false)
    String unsubscribeToken;

    @Column(name = "scheduled_at", nullable = false, updatable = false)
    Instant scheduledAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    String document;

    /** The key: tenant, campaign, contact. Read through its fields. */
    @Access(AccessType.FIELD)
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String tenantId;
        UUID campaignId;
        UUID contactId;

        Key() {}

        Key(String tenantId, UUID campaignId, UUID contactId) {
            this.tenantId = tenantId;
            this.campaignId = campaignId;
            this.contactId = contactId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && other.tenantId.equals(tenantId)
                    && other.campaignId.equals(campaignId)
                    && other.contactId.equals(contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, campaignId, contactId);
        }
    }
}
