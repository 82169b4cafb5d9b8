package org.crmkit.core.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An exact amount of money in one currency. Immutable and thread-safe; created only through {@link #of},
 * {@link #zero}, {@link #ofMinor} and {@link #parse}.
 *
 * <p>Arithmetic is exact {@link BigDecimal} arithmetic; combining two amounts in different currencies throws a
 * {@link CurrencyMismatchException} naming both. Two amounts are equal when their currencies are equal and their
 * amounts are numerically equal ({@code 1.5 EUR} equals {@code 1.50 EUR}). Rounding to the currency's minor unit
 * is explicit ({@link #rounded()}), and {@link #allocate} splits an amount into parts that add up to it exactly.
 *
 * <p>An amount handed in ({@link #of}, {@link #parse}) has at most {@value #MAX_INTEGER_DIGITS} digits before the
 * decimal point and at most {@value #MAX_DECIMALS} after it (zeros at the end of the decimals are not counted), and
 * its text at most {@value #MAX_TEXT_LENGTH} characters: far beyond any real amount, and small enough that no
 * exponent such as {@code 1e999999999} can make a sum or a printout run for minutes. Results of arithmetic are exact
 * and not limited.
 */
public final class Money implements Comparable<Money> {

    /** The most digits an amount handed in may have before the decimal point: it stays below 10^18. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most decimals an amount handed in may have, zeros at the end not counted. */
    public static final int MAX_DECIMALS = 12;
    /** The longest text {@link #of(String, String)} and {@link #parse} read as an amount. */
    public static final int MAX_TEXT_LENGTH = 100;

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    public static Money of(BigDecimal amount, Currency currency) {
        Require.notNull(amount, "amount");
        Require.notNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw InvalidValueException.invalid(
                    "currency", currency.getCurrencyCode() + " is not a currency with a minor unit");
        }
        BigDecimal held = withinLimits(amount);
        if (held == null) {
            throw InvalidValueException.invalid(
                    "amount",
                    amount + " is beyond the limits of an amount: at most " + MAX_INTEGER_DIGITS
                            + " digits before the decimal point and " + MAX_DECIMALS + " after it");
        }
        return new Money(held, currency);
    }

    /**
     * Whether an amount has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and at most
     * {@value #MAX_DECIMALS} after it, zeros at the end not counted; the test takes a few operations whatever the
     * exponent.
     */
    public static boolean isWithinLimits(BigDecimal amount) {
        return withinLimits(Require.notNull(amount, "amount")) != null;
    }

    /** The amount, with zeros beyond the last allowed decimal dropped; null when it is beyond the limits. */
    private static BigDecimal withinLimits(BigDecimal amount) {
        BigDecimal held = amount;
        if (amount.scale() > MAX_DECIMALS) {
            // Only zeros at the end may go: an unscaled value ending in n zeros has at least n factors of 2.
            if (amount.signum() == 0) {
                return BigDecimal.valueOf(0, MAX_DECIMALS);
            }
            long excess = (long) amount.scale() - MAX_DECIMALS;
            if (excess > amount.unscaledValue().getLowestSetBit()) {
                return null;
            }
            try {
                held = amount.setScale(MAX_DECIMALS, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException notOnlyZeros) {
                return null;
            }
        }
        return (long) held.precision() - held.scale() <= MAX_INTEGER_DIGITS ? held : null;
    }

    /** {@code Money.of("12.50", "EUR")}: the amount as decimal text, the currency as ISO 4217 code. */
    public static Money of(String amount, String currencyCode) {
        return of(parseAmount(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return of(amount, currency(currencyCode));
    }

    public static Money of(long amount, String currencyCode) {
        return of(BigDecimal.valueOf(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO.setScale(Require.notNull(currency, "currency").getDefaultFractionDigits()), currency);
    }

    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    /** An amount given in the currency's minor unit: {@code ofMinor(1250, EUR)} is 12.50 EUR. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        Require.notNull(currency, "currency");
        return of(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    /** Parses the form {@link #toString()} prints: {@code "EUR 12.50"}. */
    public static Money parse(String text) {
        Require.notBlank(text, "money");
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw InvalidValueException.invalid("money", "expected '<ISO currency> <amount>', was '" + text + "'");
        }
        return of(parseAmount(parts[1]), currency(parts[0]));
    }

    /** Resolves an ISO 4217 code, refusing unknown codes with an error naming the field. */
    public static Currency currency(String currencyCode) {
        String code = Require.notBlank(currencyCode, "currency");
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid("currency", "'" + currencyCode + "' is not an ISO 4217 currency code");
        }
    }

    private static BigDecimal parseAmount(String text) {
        String value = Require.notBlank(text, "amount");
        if (value.length() > MAX_TEXT_LENGTH) {
            throw InvalidValueException.invalid(
                    "amount", "is longer than " + MAX_TEXT_LENGTH + " characters (" + value.length() + ")");
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw InvalidValueException.invalid("amount", "'" + text + "' is not a decimal number");
        }
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact product; round with {@link #rounded()} where a payable amount is needed. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(Require.notNull(factor, "factor")), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Rounded half-even (banker's rounding) to the currency's minor unit, e.g. two decimals for EUR, none for JPY. */
    public Money rounded() {
        return rounded(RoundingMode.HALF_EVEN);
    }

    public Money rounded(RoundingMode mode) {
        return new Money(
                amount.setScale(currency.getDefaultFractionDigits(), Require.notNull(mode, "roundingMode")), currency);
    }

    /** Whether the amount has no more decimals than the currency's minor unit. */
    public boolean isInMinorUnits() {
        return amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    /** The amount in the currency's minor unit; refuses an amount with more decimals than that. */
    public BigInteger toMinorUnits() {
        requireMinorUnits();
        return amount.movePointRight(currency.getDefaultFractionDigits()).toBigIntegerExact();
    }

    /** Splits into {@code parts} amounts that differ by at most one minor unit and add up to this exactly. */
    public List<Money> allocate(int parts) {
        Require.positive(parts, "parts");
        return allocate(IntStream.range(0, parts).mapToObj(i -> BigDecimal.ONE).toList());
    }

    /**
     * Splits in proportion to the given non-negative ratios (at least one positive) by the largest-remainder
     * method: each part gets its proportional share rounded down to the minor unit, and the minor units left over
     * go one each to the parts with the largest remainders (the earlier part on a tie). The parts add up to this
     * amount exactly. Refuses an amount that has more decimals than the currency's minor unit.
     */
    public List<Money> allocate(List<BigDecimal> ratios) {
        List<BigDecimal> weights = Require.noNulls(ratios, "ratios");
        Require.that(!weights.isEmpty(), "ratios", "must not be empty");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            Require.notNegative(weights.get(i), "ratios[" + i + "]");
            total = total.add(weights.get(i));
        }
        Require.that(total.signum() > 0, "ratios", "must contain at least one positive ratio");

        BigInteger minor = toMinorUnits();
        BigInteger magnitude = minor.abs();
        BigInteger[] shares = new BigInteger[weights.size()];
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = new BigDecimal(magnitude).multiply(weights.get(i));
            BigDecimal[] division = exact.divideAndRemainder(total);
            shares[i] = division[0].toBigIntegerExact();
            remainders[i] = division[1];
            given = given.add(shares[i]);
        }
        List<Integer> byRemainder =
                new ArrayList<>(IntStream.range(0, weights.size()).boxed().toList());
        byRemainder.sort(
                Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        int leftOver = magnitude.subtract(given).intValueExact();
        for (int k = 0; k < leftOver; k++) {
            int i = byRemainder.get(k);
            shares[i] = shares[i].add(BigInteger.ONE);
        }
        int scale = currency.getDefaultFractionDigits();
        List<Money> result = new ArrayList<>(shares.length);
        for (BigInteger share : shares) {
            BigInteger signed = minor.signum() < 0 ? share.negate() : share;
            result.add(new Money(new BigDecimal(signed, scale), currency));
        }
        return List.copyOf(result);
    }

    private void requireMinorUnits() {
        if (!isInMinorUnits()) {
            throw InvalidValueException.invalid(
                    "amount",
                    amount.toPlainString() + " has more decimals than the minor unit of " + currency.getCurrencyCode()
                            + "; round it first");
        }
    }

    private void requireSameCurrency(Money other) {
        Require.notNull(other, "money");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** Orders by amount; refuses to compare different currencies. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    /** {@code "EUR 12.50"}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
