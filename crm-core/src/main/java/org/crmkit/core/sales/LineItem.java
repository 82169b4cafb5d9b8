package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What an opportunity sells: {@code quantity} (positive) of a product at {@code unitPrice} (not negative) less
 * {@code discountPercent} (0..100). {@link #amount()} is quantity × unit price × (1 − discount / 100), rounded
 * half-even to the currency's minor unit.
 */
public record LineItem(
        LineItemId id,
        String productCode,
        String description,
        BigDecimal quantity,
        Money unitPrice,
        BigDecimal discountPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LineItem {
        Require.notNull(id, "lineItem.id");
        productCode = Require.maxLength(Require.notBlank(productCode, "productCode"), 64, "productCode");
        description = Require.maxLength(Require.optional(description), 500, "description");
        Require.positive(quantity, "quantity");
        Require.notNull(unitPrice, "unitPrice");
        Require.that(!unitPrice.isNegative(), "unitPrice", "must not be negative, was " + unitPrice);
        Require.notNegative(discountPercent, "discountPercent");
        Require.that(
                discountPercent.compareTo(HUNDRED) <= 0,
                "discountPercent",
                "must be at most 100, was " + discountPercent.toPlainString());
    }

    /** The line's amount after discount, in the minor unit. */
    public Money amount() {
        BigDecimal factor = HUNDRED.subtract(discountPercent).movePointLeft(2);
        return unitPrice.times(quantity).times(factor).rounded(RoundingMode.HALF_EVEN);
    }
}
