package org.crmkit.core;

import java.math.BigDecimal;
import org.crmkit.core.common.Money;

/** A line item to add or the new content of one: product code, description (optional), quantity, price, discount. */
public record NewLineItem(
        String productCode, String description, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent) {

    public static NewLineItem of(String productCode, String quantity, Money unitPrice, String discountPercent) {
        return new NewLineItem(productCode, null, new BigDecimal(quantity), unitPrice, new BigDecimal(discountPercent));
    }
}
