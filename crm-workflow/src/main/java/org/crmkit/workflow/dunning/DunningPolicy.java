package org.crmkit.workflow.dunning;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.Channel;

/**
 * How a tenant dunns one kind of account (B2B, consumers, key accounts): ordered {@link DunningLevel}s, the
 * grouping of invoices into cases, interest, and the language of notices when the recipient has none. Built
 * fluently and validated as a whole by {@link Builder#build()}: levels out of order, negative fees, amounts in
 * another currency or an unknown currency fail there with a message naming the field. Immutable.
 *
 * <pre>{@code
 * DunningPolicy b2b = DunningPolicy.builder("b2b").currency("EUR")
 *         .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL, Channel.LETTER).paymentDeadline(7))
 *         .level(DunningLevel.daysAfterDue(21).notice(Channel.EMAIL, Channel.LETTER).fee("5.00"))
 *         .level(DunningLevel.daysAfterDue(35).callTask(clerk, 2).minimumOverdueBalance("50.00"))
 *         .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold())
 *         .interest(InterestRule.of(InterestMode.B2B_GERMANY, rates))
 *         .build();
 * }</pre>
 */
public final class DunningPolicy {

    private final String name;
    private final Currency currency;
    private final Grouping grouping;
    private final List<DunningLevel> levels;
    private final InterestRule interest;
    private final Locale language;

    private DunningPolicy(
            String name,
            Currency currency,
            Grouping grouping,
            List<DunningLevel> levels,
            InterestRule interest,
            Locale language) {
        this.name = name;
        this.currency = currency;
        this.grouping = grouping;
        this.levels = List.copyOf(levels);
        this.interest = interest;
        this.language = language;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The currency of the invoices this policy dunns and of its fees; invoices in other currencies are left alone. */
    public Currency currency() {
        return currency;
    }

    public Grouping grouping() {
        return grouping;
    }

    /** The levels in order; level {@code n} is {@code levels().get(n - 1)}. */
    public List<DunningLevel> levels() {
        return levels;
    }

    public DunningLevel level(int number) {
        return levels.get(number - 1);
    }

    /** Interest on late payment; {@link InterestRule#NONE} when the policy charges none. */
    public InterestRule interest() {
        return interest;
    }

    /** The language of notices to recipients without a preferred language. */
    public Locale language() {
        return language;
    }

    /**
     * The earliest day an invoice due on {@code dueDate} can enter dunning: the first level's offset, which may be
     * before the due date for a courtesy reminder.
     */
    public int firstOffsetDays() {
        return levels.get(0).offsetDays();
    }

    @Override
    public String toString() {
        return "DunningPolicy[" + name + ", " + currency + ", " + levels.size() + " levels]";
    }

    /** Collects a policy; {@link #build()} validates it. */
    public static final class Builder {

        private final String name;
        private String currencyCode = "EUR";
        private Grouping grouping = Grouping.PER_ACCOUNT;
        private final List<DunningLevel.Builder> levels = new ArrayList<>();
        private InterestRule interest = InterestRule.NONE;
        private Locale language = Locale.ENGLISH;

        private Builder(String name) {
            this.name = name;
        }

        /** The ISO 4217 code of the policy's currency; defaults to EUR. */
        public Builder currency(String currencyCode) {
            this.currencyCode = currencyCode;
            return this;
        }

        /** One case per account (the default) or per invoice. */
        public Builder grouping(Grouping grouping) {
            this.grouping = grouping;
            return this;
        }

        /** Adds the next level; levels are reached in the order they are added. */
        public Builder level(DunningLevel.Builder level) {
            levels.add(Require.notNull(level, "level"));
            return this;
        }

        public Builder interest(InterestRule interest) {
            this.interest = interest;
            return this;
        }

        /** The language of notices when the recipient has no preferred language; defaults to English. */
        public Builder language(Locale language) {
            this.language = language;
            return this;
        }

        public DunningPolicy build() {
            String checkedName = Require.maxLength(Require.notBlank(name, "name"), 64, "name");
            Currency currency = Money.currency(currencyCode);
            Money.zero(currency);
            Require.notNull(grouping, "grouping");
            Require.notNull(interest, "interest");
            Require.notNull(language, "language");
            Require.that(!levels.isEmpty(), "levels", "a policy needs at least one level");
            if (interest.flatCompensation() != null
                    && !interest.flatCompensation().currency().equals(currency)) {
                throw new CurrencyMismatchException(
                        "interest.flatCompensation",
                        currency,
                        interest.flatCompensation().currency());
            }
            List<DunningLevel> checked = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                checked.add(checkLevel(i, levels.get(i), checked.isEmpty() ? null : checked.get(i - 1), currency));
            }
            return new DunningPolicy(checkedName, currency, grouping, checked, interest, language);
        }

        private static DunningLevel checkLevel(
                int index, DunningLevel.Builder level, DunningLevel previous, Currency currency) {
            String field = "levels[" + index + "]";
            if (previous == null) {
                Require.that(
                        level.base == OffsetBase.DUE_DATE,
                        field + ".offsetDays",
                        "the first level counts from the due date, not from a previous notice");
            } else if (level.base == OffsetBase.DUE_DATE) {
                Require.that(
                        previous.base() == OffsetBase.DUE_DATE,
                        field + ".offsetDays",
                        "a level counted from the due date cannot follow one counted from the previous notice");
                Require.that(
                        level.offsetDays > previous.offsetDays(),
                        field + ".offsetDays",
                        "levels must be in order: must be after level " + previous.number() + "'s "
                                + previous.offsetDays() + " days after the due date, was " + level.offsetDays);
            } else {
                Require.that(
                        level.offsetDays > 0,
                        field + ".offsetDays",
                        "must be at least one day after the previous notice, was " + level.offsetDays);
            }
            Require.that(
                    new HashSet<Channel>(level.channels).size() == level.channels.size(),
                    field + ".notice",
                    "lists a channel twice: " + level.channels);
            Require.noNulls(level.channels, field + ".notice");
            Require.notNegative(level.paymentDeadlineDays, field + ".paymentDeadline");
            Money fee = amount(level.fee, currency, field + ".fee");
            Require.that(!fee.isNegative(), field + ".fee", "must not be negative, was " + fee);
            Money minimumBalance = level.minimumOverdueBalance == null
                    ? null
                    : amount(level.minimumOverdueBalance, currency, field + ".minimumOverdueBalance");
            Require.notNegative(level.minimumOverdueInvoices, field + ".minimumOverdueInvoices");
            Require.notNegative(level.minimumDaysOverdue, field + ".minimumDaysOverdue");
            boolean acts =
                    !level.channels.isEmpty() || level.callTask != null || level.legalHandOff || level.creditHold;
            Require.that(
                    acts, field, "does nothing: give it a notice, a call task, the legal hand-off or a credit hold");
            int number = index + 1;
            String template = level.template == null
                    ? "dunning-level-" + number
                    : Require.maxLength(
                            Require.notBlank(level.template, field + ".template"), 100, field + ".template");
            return new DunningLevel(
                    number,
                    level.offsetDays,
                    level.base,
                    level.channels,
                    template,
                    level.paymentDeadlineDays,
                    level.callTask,
                    level.legalHandOff,
                    level.creditHold,
                    fee,
                    new DunningConditions(minimumBalance, level.minimumOverdueInvoices, level.minimumDaysOverdue));
        }

        private static Money amount(Object value, Currency currency, String field) {
            if (value == null) {
                return Money.zero(currency);
            }
            Money money;
            if (value instanceof Money given) {
                money = given;
            } else {
                try {
                    money = Money.of(new java.math.BigDecimal((String) value), currency);
                } catch (NumberFormatException e) {
                    throw InvalidValueException.invalid(field, "'" + value + "' is not a decimal number");
                }
            }
            if (!money.currency().equals(currency)) {
                throw new CurrencyMismatchException(field, currency, money.currency());
            }
            Require.that(money.isInMinorUnits(), field, "must be in the minor unit of " + currency + ", was " + money);
            return money;
        }
    }
}
