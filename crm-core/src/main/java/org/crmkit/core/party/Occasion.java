package org.crmkit.core.party;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.crmkit.core.common.Require;

/** A personal date of a contact that is celebrated every year. */
public enum Occasion {
    /** The contact's birthday ({@link ContactDetails#birthday()}). */
    BIRTHDAY,
    /** The anniversary of the day the contact became a customer ({@code customerSince}). */
    CUSTOMER_ANNIVERSARY;

    /** The date the occasion goes back to, if the contact has it. */
    public Optional<LocalDate> originOf(Contact contact) {
        Require.notNull(contact, "contact");
        return switch (this) {
            case BIRTHDAY -> Optional.ofNullable(contact.details().birthday());
            case CUSTOMER_ANNIVERSARY -> contact.customerSince();
        };
    }

    /**
     * How many years the occasion counts on {@code date} (an age, years as a customer); empty when the contact
     * lacks the date or it is not celebrated on {@code date} under the policy, and for the origin itself (a
     * customer of zero years is not an anniversary).
     */
    public Optional<Integer> yearsOn(Contact contact, LocalDate date, LeapDayPolicy policy) {
        Require.notNull(date, "date");
        Require.notNull(policy, "policy");
        return originOf(contact)
                .filter(origin -> origin.getYear() < date.getYear())
                .filter(origin -> policy.celebrationOf(MonthDay.from(origin), date.getYear())
                        .filter(date::equals)
                        .isPresent())
                .map(origin -> date.getYear() - origin.getYear());
    }
}
