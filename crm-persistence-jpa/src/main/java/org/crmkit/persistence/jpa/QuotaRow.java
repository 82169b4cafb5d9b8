package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_quota}: see {@link QuotaMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_quota")
@IdClass(RowKey.class)
class QuotaRow extends AggregateRow {

    @Column(name = "holder_user_id")
    UUID holderUserId;

    @Column(name = "holder_team_id")
    UUID holderTeamId;

    @Column(name = "first_month", nullable = false)
    LocalDate firstMonth;

    @Column(name = "last_month", nullable = false)
    LocalDate lastMonth;
}
