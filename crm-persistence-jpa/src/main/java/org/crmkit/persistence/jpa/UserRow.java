package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_user}: see {@link UserMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_user")
@IdClass(RowKey.class)
class UserRow extends AggregateRow {

    @Column(name = "email_key", nullable = false)
    String emailKey;

    @Column(name = "name_order", nullable = false)
    String nameOrder;
}
