package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code crm_sequence_enrolment}: the enrolment as a JSON document, with the columns its queries read.
 * {@code runningKey} is sequence and contact while the enrolment runs and null once it finished, unique per
 * tenant.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_sequence_enrolment")
@IdClass(RowKey.class)
class EnrolmentRow extends AggregateRow {

    @Column(name = "sequence_name", nullable = false)
    String sequence;

    @Column(name = "contact_id", nullable = false)
    UUID contactId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "next_step_at", nullable = false)
    Instant nextStepAt;

    @Column(name = "enrolled_at", nullable = false)
    Instant enrolledAt;

    @Column(name = "running_key")
    String runningKey;
}
