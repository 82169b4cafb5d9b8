package org.crmkit.core.score;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;

/**
 * The analytics' verdict on one customer (an account or a contact) as of a day: its profit tier, its RFM segment,
 * and, where a purchase model could be fitted, what it is predicted to be worth. A newer score of the customer
 * replaces the older one. Immutable.
 *
 * @param customer   the account or contact scored, never another kind of record
 * @param asOf       the last day of the purchases the score was computed from
 * @param tier       key, small or unprofitable by profit
 * @param profit     revenue minus cost of goods minus cost to serve over the purchases read
 * @param rfmSegment the RFM segment's name (e.g. {@code champions}, {@code at risk}), not blank, at most 100
 *                   characters
 * @param prediction the predicted value, or null when no purchase model was fitted for the refresh
 */
public record CustomerScore(
        RecordRef customer, LocalDate asOf, CustomerTier tier, Money profit, String rfmSegment, Prediction prediction) {

    /** The longest RFM segment name. */
    public static final int MAX_SEGMENT_LENGTH = 100;

    /**
     * What a purchase model and a spend model predict for the customer, in the currency of its profit.
     *
     * @param lifetimeValue    the discounted value of the customer's expected purchases over the refresh's horizon
     * @param probabilityAlive the probability (0 to 1) that the customer still buys
     * @param valueAtRisk      the churn risk in money: {@code (1 - probabilityAlive)} times what the customer spent
     */
    public record Prediction(Money lifetimeValue, double probabilityAlive, Money valueAtRisk) {

        public Prediction {
            Require.notNull(lifetimeValue, "lifetimeValue");
            Require.notNull(valueAtRisk, "valueAtRisk");
            Require.that(
                    probabilityAlive >= 0 && probabilityAlive <= 1,
                    "probabilityAlive",
                    "must be from 0 to 1, was " + probabilityAlive);
            Require.that(
                    lifetimeValue.currency().equals(valueAtRisk.currency()),
                    "valueAtRisk",
                    "is in " + valueAtRisk.currencyCode() + " but the lifetime value in "
                            + lifetimeValue.currencyCode());
        }

        /** The probability that the customer no longer buys: {@code 1 - probabilityAlive}. */
        public double churnProbability() {
            return 1 - probabilityAlive;
        }
    }

    public CustomerScore {
        Require.notNull(customer, "customer");
        if (customer.type() != RecordType.ACCOUNT && customer.type() != RecordType.CONTACT) {
            throw InvalidValueException.invalid(
                    "customer", "must be an account or a contact, was a " + customer.type());
        }
        Require.notNull(asOf, "asOf");
        Require.notNull(tier, "tier");
        Require.notNull(profit, "profit");
        rfmSegment = Require.maxLength(
                Require.storableText(Require.notBlank(rfmSegment, "rfmSegment"), "rfmSegment"),
                MAX_SEGMENT_LENGTH,
                "rfmSegment");
        if (prediction != null && !prediction.lifetimeValue().currency().equals(profit.currency())) {
            throw InvalidValueException.invalid(
                    "prediction.lifetimeValue",
                    "is in " + prediction.lifetimeValue().currencyCode() + " but the profit in "
                            + profit.currencyCode());
        }
    }

    /** The prediction, when a purchase model was fitted. */
    public Optional<Prediction> predicted() {
        return Optional.ofNullable(prediction);
    }

    /** The currency of every amount of the score. */
    public Currency currency() {
        return profit.currency();
    }
}
