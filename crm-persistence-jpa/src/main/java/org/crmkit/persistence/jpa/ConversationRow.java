package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of {@code crm_case_conversation}: a case's conversation as a JSON document (id = the case's id), with
 * the columns its queries read.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_case_conversation")
@IdClass(RowKey.class)
class ConversationRow extends AggregateRow {

    @Column(name = "reference", nullable = false)
    String reference;

    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(name = "next_check_at")
    Instant nextCheckAt;
}
