package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_lead}: see {@link LeadMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_lead")
@IdClass(RowKey.class)
class LeadRow extends AggregateRow {

    @Column(name = "email_key")
    String emailKey;

    @Column(name = "phone_key")
    String phoneKey;

    @Column(name = "owner_id")
    UUID ownerId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "captured_at", nullable = false)
    Instant capturedAt;
}
