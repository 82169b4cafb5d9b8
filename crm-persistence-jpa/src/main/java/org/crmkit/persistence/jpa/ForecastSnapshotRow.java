package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_forecast_snapshot}: see {@link ForecastSnapshotMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_forecast_snapshot")
@IdClass(RowKey.class)
class ForecastSnapshotRow extends AggregateRow {

    @Column(name = "scope_owner_id")
    UUID scopeOwnerId;

    @Column(name = "scope_team_id")
    UUID scopeTeamId;

    @Column(name = "scope_pipeline_id")
    UUID scopePipelineId;

    @Column(name = "first_month", nullable = false)
    LocalDate firstMonth;

    @Column(name = "last_month", nullable = false)
    LocalDate lastMonth;

    @Column(name = "taken_at", nullable = false)
    Instant takenAt;
}
