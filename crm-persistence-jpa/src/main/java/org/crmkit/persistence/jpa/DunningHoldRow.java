package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One row of {@code crm_dunning_hold}: a disputed invoice or an excluded account, keyed by the held record. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_dunning_hold")
@IdClass(DunningHoldRow.Key.class)
class DunningHoldRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "subject_type", nullable = false, updatable = false)
    String subjectType;

    @Id
    @Column(name = "subject_id", nullable = false, updatable = false)
    UUID subjectId;

    @Column(name = "reason", nullable = false)
    String reason;

    @Column(name = "since", nullable = false)
    LocalDate since;

    /** The key: tenant, then the held record's type and id. */
    @Access(AccessType.FIELD)
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String tenantId;
        String subjectType;
        UUID subjectId;

        Key() {}

        Key(String tenantId, String subjectType, UUID subjectId) {
            this.tenantId = tenantId;
            this.subjectType = subjectType;
            this.subjectId = subjectId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && other.tenantId.equals(tenantId)
                    && other.subjectType.equals(subjectType)
                    && other.subjectId.equals(subjectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, subjectType, subjectId);
        }
    }
}
