package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of every aggregate table: the tenant first, then the aggregate's id. Read through its fields. */
@Access(AccessType.FIELD)
class RowKey implements Serializable {

    private static final long serialVersionUID = 1L;

    String tenantId;
    UUID id;

    RowKey() {}

    RowKey(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey other && other.tenantId.equals(tenantId) && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
