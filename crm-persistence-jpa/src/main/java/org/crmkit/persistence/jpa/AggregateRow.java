package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What every aggregate table has: the key {@code (tenant_id, id)}, the {@code version} that counts saves (JPA's
 * optimistic lock), and the complete state record as a JSON {@code document}. Subclasses add the columns that
 * queries filter or sort on; those are copies of values in the document, written by the aggregate's mapping.
 */
@MappedSuperclass
@Access(AccessType.FIELD)
abstract class AggregateRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    String document;
}
