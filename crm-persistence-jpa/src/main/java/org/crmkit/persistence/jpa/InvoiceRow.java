package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_invoice}: see {@link InvoiceMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_invoice")
@IdClass(RowKey.class)
class InvoiceRow extends AggregateRow {

    @Column(name = "number", nullable = false)
    String number;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "issue_date", nullable = false)
    LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    LocalDate dueDate;
}
