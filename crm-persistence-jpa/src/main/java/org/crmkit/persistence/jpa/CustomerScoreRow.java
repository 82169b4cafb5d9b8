package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code crm_customer_score}: a customer's score (id = the account's or contact's id) as plain columns,
 * so that queries can filter on the tier or the segment. The three prediction columns are all null or all set.
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_customer_score")
@IdClass(RowKey.class)
class CustomerScoreRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    @Column(name = "customer_type", nullable = false, updatable = false)
    String customerType;

    @Column(name = "as_of", nullable = false)
    LocalDate asOf;

    @Column(name = "tier", nullable = false)
    String tier;

    @Column(name = "currency", nullable = false)
    String currency;

    @Column(name = "profit", nullable = false, precision = 30, scale = 12)
    BigDecimal profit;

    @Column(name = "rfm_segment", nullable = false)
    String rfmSegment;

    @Column(name = "lifetime_value", precision = 30, scale = 12)
    BigDecimal lifetimeValue;

    @Column(name = "probability_alive")
    Double probabilityAlive;

    @Column(name = "value_at_risk", precision = 30, scale = 12)
    BigDecimal valueAtRisk;
}
