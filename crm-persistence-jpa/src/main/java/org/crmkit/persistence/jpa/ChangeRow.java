package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code crm_change}: a save, deletion or merge of a record, written in the transaction of the change
 * without a position; {@link JpaChangeLog} gives committed rows their positions.
 */
@Entity
@Table(name = "crm_change")
class ChangeRow {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenant;

    @Column(name = "feed_position")
    Long position;

    @Column(name = "record_type", nullable = false, updatable = false)
    String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    UUID recordId;

    @Column(name = "record_version", nullable = false, updatable = false)
    long recordVersion;

    @Column(name = "kind", nullable = false, updatable = false)
    String kind;

    @Column(name = "merged_into", updatable = false)
    UUID mergedInto;

    @Column(name = "changed_at", nullable = false, updatable = false)
    Instant changedAt;

    @Column(name = "owner_id", updatable = false)
    UUID owner;

    @Column(name = "territory_id", updatable = false)
    UUID territory;

    @Column(name = "account_id", updatable = false)
    UUID account;

    @Column(name = "previous_owner_id", updatable = false)
    UUID previousOwner;

    @Column(name = "previous_territory_id", updatable = false)
    UUID previousTerritory;

    @Column(name = "previous_account_id", updatable = false)
    UUID previousAccount;
}
