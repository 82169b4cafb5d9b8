package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.common.Require;

/**
 * Customers ranked by value at risk: the probability that the customer is no longer active (from a fitted
 * {@link PurchaseModel}) times the value the customer has brought in calibration (total spend). A customer who
 * spent much and has probably lapsed ranks first; a customer who is surely still active, or who spent little, ranks
 * last. Immutable and thread-safe.
 */
public final class ChurnRisk {

    /**
     * One customer's risk.
     *
     * @param customerId       the customer
     * @param probabilityAlive the model's probability that the customer is still active at the end of calibration
     * @param value            the customer's calibration spend
     * @param valueAtRisk      {@code (1 - probabilityAlive) * value}
     */
    public record CustomerRisk(String customerId, double probabilityAlive, BigDecimal value, double valueAtRisk) {}

    private final PurchaseModel model;

    private ChurnRisk(PurchaseModel model) {
        this.model = Require.notNull(model, "model");
    }

    /** Churn risk under a fitted (or known) purchase model. */
    public static ChurnRisk of(PurchaseModel model) {
        return new ChurnRisk(model);
    }

    /** Every customer, highest value at risk first (ties by customer id). */
    public List<CustomerRisk> rank(List<CustomerSummary> customers) {
        List<CustomerRisk> result = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            double alive = model.probabilityAlive(c.history());
            result.add(new CustomerRisk(
                    c.customerId(),
                    alive,
                    c.totalSpend(),
                    (1 - alive) * c.totalSpend().doubleValue()));
        }
        result.sort(Comparator.comparingDouble(CustomerRisk::valueAtRisk)
                .reversed()
                .thenComparing(CustomerRisk::customerId));
        return result;
    }
}
