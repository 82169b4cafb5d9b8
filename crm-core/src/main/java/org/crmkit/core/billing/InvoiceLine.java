package org.crmkit.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * One line of an invoice: {@code quantity} (positive, may be fractional: hours, kilograms) of something at
 * {@code unitPrice} (not negative), taxed at {@code taxRatePercent} (0..100). The line's net amount is
 * quantity × unit price, rounded half-even to the currency's minor unit.
 */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, BigDecimal taxRatePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public InvoiceLine {
        description = Require.maxLength(Require.notBlank(description, "description"), 500, "description");
        Require.positive(quantity, "quantity");
        Require.notNull(unitPrice, "unitPrice");
        Require.that(!unitPrice.isNegative(), "unitPrice", "must not be negative, was " + unitPrice);
        Require.notNegative(taxRatePercent, "taxRatePercent");
        Require.that(
                taxRatePercent.compareTo(HUNDRED) <= 0,
                "taxRatePercent",
                "must be at most 100, was " + taxRatePercent.toPlainString());
    }

    public static InvoiceLine of(String description, BigDecimal quantity, Money unitPrice, BigDecimal taxRatePercent) {
        return new InvoiceLine(description, quantity, unitPrice, taxRatePercent);
    }

    /** {@code InvoiceLine.of("Consulting", "2.5", Money.of("100.00", "EUR"), "19")}. */
    public static InvoiceLine of(String description, String quantity, Money unitPrice, String taxRatePercent) {
        return new InvoiceLine(
                description,
                new BigDecimal(Require.notBlank(quantity, "quantity")),
                unitPrice,
                new BigDecimal(Require.notBlank(taxRatePercent, "taxRatePercent")));
    }

    /** Quantity × unit price, rounded half-even to the minor unit. */
    public Money net() {
        return unitPrice.times(quantity).rounded(RoundingMode.HALF_EVEN);
    }
}
