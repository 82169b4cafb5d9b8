package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One row of {@code crm_webhook_delivery}: a delivery as a JSON document (its body inside, byte for byte), with the
 * columns its queries read.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_webhook_delivery")
@IdClass(RowKey.class)
class WebhookDeliveryRow extends AggregateRow {

    @Column(name = "subscription_id", nullable = false)
    UUID subscriptionId;

    @Column(name = "feed_position", nullable = false)
    long feedPosition;

    @Column(name = "record_id", nullable = false)
    UUID recordId;

    @Column(name = "status", nullable = false)
    String status;
}
