package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One purchase of one customer: the unit every calculator reads.
 *
 * @param customerId the customer, never blank
 * @param date       the day of the purchase
 * @param amount     the revenue of the purchase, never negative
 * @param cost       the cost of goods of the purchase, or {@code null} when unknown
 * @param productId  the product bought, or {@code null} when the record covers a whole order
 */
public record PurchaseRecord(String customerId, LocalDate date, BigDecimal amount, BigDecimal cost, String productId) {

    /**
     * Validates: customer id not blank, date and amount present, amount and cost not negative and within the limits
     * of crm-core's {@link org.crmkit.core.common.Money} (at most 18 digits before the decimal point and 12 after it).
     */
    public PurchaseRecord {
        if (customerId == null || customerId.isBlank()) {
            throw AnalyticsException.invalidArgument("customerId", "is required");
        }
        if (date == null) {
            throw AnalyticsException.invalidArgument("date", "is required");
        }
        if (amount == null) {
            throw AnalyticsException.invalidArgument("amount", "is required");
        }
        if (amount.signum() < 0) {
            throw AnalyticsException.invalidArgument("amount", "must not be negative, was " + amount);
        }
        Money.requireWithinLimits("amount", amount);
        if (cost != null && cost.signum() < 0) {
            throw AnalyticsException.invalidArgument("cost", "must not be negative, was " + cost);
        }
        if (cost != null) {
            Money.requireWithinLimits("cost", cost);
        }
        if (productId != null && productId.isBlank()) {
            productId = null;
        }
    }

    /** A purchase without cost or product. */
    public static PurchaseRecord of(String customerId, LocalDate date, BigDecimal amount) {
        return new PurchaseRecord(customerId, date, amount, null, null);
    }

    /** A purchase with its cost of goods and product. Either may be {@code null}. */
    public static PurchaseRecord of(
            String customerId, LocalDate date, BigDecimal amount, BigDecimal cost, String productId) {
        return new PurchaseRecord(customerId, date, amount, cost, productId);
    }

    /** The cost of goods, when known. */
    public Optional<BigDecimal> knownCost() {
        return Optional.ofNullable(cost);
    }

    /** The product, when known. */
    public Optional<String> knownProduct() {
        return Optional.ofNullable(productId);
    }
}
