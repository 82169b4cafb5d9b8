package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One row of {@code crm_campaign_bounce}: an address that bounced hard on a channel. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_campaign_bounce")
@IdClass(CampaignBounceRow.Key.class)
class CampaignBounceRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "channel", nullable = false, updatable = false)
    String channel;

    @Id
    @Column(name = "address", nullable = false, updatable = false)
    String address;

    /** The key: tenant, channel, address. Read through its fields. */
    @Access(AccessType.FIELD)
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String tenantId;
        String channel;
        String address;

        Key() {}

        Key(String tenantId, String channel, String address) {
            this.tenantId = tenantId;
            this.channel = channel;
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && other.tenantId.equals(tenantId)
                    && other.channel.equals(channel)
                    && other.address.equals(address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, channel, address);
        }
    }
}
