package org.crmkit.core.common;

import java.util.Currency;

/**
 * Two amounts in different currencies were combined. Names both currencies and, when the amount came from a
 * named field (e.g. {@code lines[2].unitPrice}), that field.
 */
public final class CurrencyMismatchException extends CrmException {

    private final Currency expected;
    private final Currency actual;
    private final String field;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super(
                ErrorCode.CURRENCY_MISMATCH,
                "currency mismatch: " + expected.getCurrencyCode() + " and " + actual.getCurrencyCode());
        this.expected = expected;
        this.actual = actual;
        this.field = null;
    }

    /** A mismatch of the amount in {@code field} against the currency {@code expected} of its record. */
    public CurrencyMismatchException(String field, Currency expected, Currency actual) {
        super(
                ErrorCode.CURRENCY_MISMATCH,
                field,
                "currency mismatch: expected " + expected.getCurrencyCode() + " but was " + actual.getCurrencyCode(),
                null);
        this.expected = expected;
        this.actual = actual;
        this.field = field;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }

    /** The field whose amount had the wrong currency, or null when the mismatch was not tied to a field. */
    public String field() {
        return field;
    }
}
