package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_payment}: see {@link PaymentMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_payment")
@IdClass(RowKey.class)
class PaymentRow extends AggregateRow {

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "received_on", nullable = false)
    LocalDate receivedOn;
}
