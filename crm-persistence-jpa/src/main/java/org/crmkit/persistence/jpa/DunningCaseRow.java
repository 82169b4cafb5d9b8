package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One row of {@code crm_dunning_case}: see {@link DunningCaseMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_dunning_case")
@IdClass(RowKey.class)
class DunningCaseRow extends AggregateRow {

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "open_group_key")
    String openGroupKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "next_step_on")
    LocalDate nextStepOn;

    @Column(name = "history_rows", nullable = false)
    int historyRows;

    /**
     * The history and item rows of the case as this transaction read or wrote them (null when it did neither), so
     * that a save appends only the new entries and rewrites the item rows only when they changed. Typed {@code
     * List<?>} (its entries are {@code CaseEvent}s): Hibernate reads every field's generic type when it binds the
     * entity, and crm-workflow, where {@code CaseEvent} lives, is an optional dependency a host without workflows
     * does not have.
     */
    @Transient
    List<?> knownHistory;

    @Transient
    Map<UUID, Long> knownItems;
}
