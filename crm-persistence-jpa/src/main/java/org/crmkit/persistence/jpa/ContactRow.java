package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One row of {@code crm_contact}: see {@link ContactMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_contact")
@IdClass(RowKey.class)
class ContactRow extends AggregateRow {

    @Column(name = "owner_id")
    UUID ownerId;

    @Column(name = "territory_id")
    UUID territoryId;

    @Column(name = "last_name_key", nullable = false)
    String lastNameKey;

    @Column(name = "first_name_key", nullable = false)
    String firstNameKey;

    @Column(name = "full_name_key", nullable = false)
    String fullNameKey;

    @Column(name = "birthday")
    Integer birthday;

    @Column(name = "customer_anniversary")
    Integer customerAnniversary;
}
