package org.crmkit.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * One line of an invoice: {@code quantity} (positive, may be fractional: hours, kilograms) of something at
 * {@code unitPrice} (not negative), taxed at {@code taxRatePercent} (0..100). The line's net amount is
 * quantity × unit price, rounded half-even to the currency's minor unit. A line may name the product sold and what
 * a unit of it cost the seller, which customer x product profitability reads ({@code BillingPurchases} of
 * crm-analytics).
 *
 * @param productCode the product sold (the host's product id or code), or null; not blank, at most 100 characters
 * @param unitCost    what one unit cost the seller (cost of goods), or null when unknown; not negative, in the unit
 *                    price's currency
 */
public record InvoiceLine(
        String description,
        BigDecimal quantity,
        Money unitPrice,
        BigDecimal taxRatePercent,
        String productCode,
        Money unitCost) {

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
        if (productCode != null) {
            productCode = Require.maxLength(
                    Require.storableText(Require.notBlank(productCode, "productCode"), "productCode"),
                    100,
                    "productCode");
        }
        if (unitCost != null) {
            Require.that(!unitCost.isNegative(), "unitCost", "must not be negative, was " + unitCost);
            Require.that(
                    unitCost.currency().equals(unitPrice.currency()),
                    "unitCost",
                    "is in " + unitCost.currencyCode() + " but the unit price in " + unitPrice.currencyCode());
        }
    }

    /** A line that names no product and no cost. */
    public InvoiceLine(String description, BigDecimal quantity, Money unitPrice, BigDecimal taxRatePercent) {
        this(description, quantity, unitPrice, taxRatePercent, null, null);
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

    /** This line, selling the product given. */
    public InvoiceLine withProduct(String productCode) {
        return new InvoiceLine(
                description,
                quantity,
                unitPrice,
                taxRatePercent,
                Require.notNull(productCode, "productCode"),
                unitCost);
    }

    /** This line, whose units cost the seller {@code unitCost} each. */
    public InvoiceLine withUnitCost(Money unitCost) {
        return new InvoiceLine(
                description, quantity, unitPrice, taxRatePercent, productCode, Require.notNull(unitCost, "unitCost"));
    }

    /** The cost of the line's goods, quantity × unit cost rounded half-even to the minor unit, when known. */
    public Optional<Money> cost() {
        return Optional.ofNullable(unitCost).map(cost -> cost.times(quantity).rounded(RoundingMode.HALF_EVEN));
    }

    /** Quantity × unit price, rounded half-even to the minor unit. */
    public Money net() {
        return unitPrice.times(quantity).rounded(RoundingMode.HALF_EVEN);
    }
}
