package org.crmkit.core.common;

import java.util.Currency;

/** Two amounts in different currencies were combined. Names both currencies. */
public final class CurrencyMismatchException extends CrmException {

    private final Currency expected;
    private final Currency actual;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super(ErrorCode.CURRENCY_MISMATCH, "currency mismatch: " + expected.getCurrencyCode() + " and " + actual.getCurrencyCode());
        this.expected = expected;
        this.actual = actual;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }
}
