package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_team_rotation}: see {@link TeamRotationMapping}. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_team_rotation")
@IdClass(RowKey.class)
class TeamRotationRow extends AggregateRow {}
