package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_credit_note}: see {@link CreditNoteMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_credit_note")
@IdClass(RowKey.class)
class CreditNoteRow extends AggregateRow {

    @Column(name = "number", nullable = false)
    String number;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "invoice_id")
    UUID invoiceId;

    @Column(name = "issue_date", nullable = false)
    LocalDate issueDate;
}
