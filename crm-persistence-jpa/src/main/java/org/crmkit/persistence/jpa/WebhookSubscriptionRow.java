package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of {@code crm_webhook_subscription}: a webhook subscription as a JSON document. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_webhook_subscription")
@IdClass(RowKey.class)
class WebhookSubscriptionRow extends AggregateRow {

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
