package org.crmkit.core.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.UUID;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class OccasionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    private static Contact bornOn(LocalDate birthday) {
        Contact contact = Contact.register(
                TenantId.of("acme"),
                ContactId.of(UUID.randomUUID()),
                NewContact.of(PersonName.of("Lea", "Leap"), UserId.of(UUID.randomUUID())),
                CLOCK);
        contact.changeDetails(new ContactDetails(null, birthday, null), CLOCK);
        return contact;
    }

    @Test
    void leapDayBirthdaysAreCelebratedOnThe28thOfFebruaryInCommonYearsByDefault() {
        assertThat(LeapDayPolicy.FEBRUARY_28.celebratedOn(LocalDate.of(2027, 2, 28)))
                .containsExactly(MonthDay.of(2, 28), LEAP_DAY);
        assertThat(LeapDayPolicy.FEBRUARY_28.celebratedOn(LocalDate.of(2027, 3, 1)))
                .containsExactly(MonthDay.of(3, 1));
        assertThat(LeapDayPolicy.FEBRUARY_28.celebratedOn(LocalDate.of(2028, 2, 28)))
                .containsExactly(MonthDay.of(2, 28));
        assertThat(LeapDayPolicy.FEBRUARY_28.celebratedOn(LocalDate.of(2028, 2, 29)))
                .containsExactly(LEAP_DAY);
    }

    @Test
    void leapDayBirthdaysMoveToTheFirstOfMarchOrWaitForALeapYearByPolicy() {
        assertThat(LeapDayPolicy.MARCH_1.celebratedOn(LocalDate.of(2027, 3, 1)))
                .containsExactly(MonthDay.of(3, 1), LEAP_DAY);
        assertThat(LeapDayPolicy.MARCH_1.celebratedOn(LocalDate.of(2027, 2, 28)))
                .containsExactly(MonthDay.of(2, 28));
        assertThat(LeapDayPolicy.LEAP_YEARS_ONLY.celebratedOn(LocalDate.of(2027, 2, 28)))
                .containsExactly(MonthDay.of(2, 28));
        assertThat(LeapDayPolicy.LEAP_YEARS_ONLY.celebratedOn(LocalDate.of(2027, 3, 1)))
                .containsExactly(MonthDay.of(3, 1));
        assertThat(LeapDayPolicy.LEAP_YEARS_ONLY.celebrationOf(LEAP_DAY, 2027)).isEmpty();
        assertThat(LeapDayPolicy.LEAP_YEARS_ONLY.celebrationOf(LEAP_DAY, 2028)).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void ageOnTheBirthdayCountsTheYearsAndOtherDaysAreNoBirthday() {
        Contact leapling = bornOn(LocalDate.of(2000, 2, 29));

        assertThat(Occasion.BIRTHDAY.yearsOn(leapling, LocalDate.of(2027, 2, 28), LeapDayPolicy.FEBRUARY_28))
                .contains(27);
        assertThat(Occasion.BIRTHDAY.yearsOn(leapling, LocalDate.of(2027, 3, 1), LeapDayPolicy.FEBRUARY_28))
                .isEmpty();
        assertThat(Occasion.BIRTHDAY.yearsOn(leapling, LocalDate.of(2027, 3, 1), LeapDayPolicy.MARCH_1))
                .contains(27);
        assertThat(Occasion.BIRTHDAY.yearsOn(leapling, LocalDate.of(2028, 2, 29), LeapDayPolicy.LEAP_YEARS_ONLY))
                .contains(28);
    }

    @Test
    void customerAnniversaryCountsFromTheFirstFullYear() {
        Contact customer = bornOn(null);
        customer.markCustomerSince(LocalDate.of(2025, 3, 2), CLOCK);

        assertThat(Occasion.CUSTOMER_ANNIVERSARY.yearsOn(customer, LocalDate.of(2025, 3, 2), LeapDayPolicy.FEBRUARY_28))
                .isEmpty();
        assertThat(Occasion.CUSTOMER_ANNIVERSARY.yearsOn(customer, LocalDate.of(2026, 3, 2), LeapDayPolicy.FEBRUARY_28))
                .contains(1);
        assertThat(Occasion.BIRTHDAY.originOf(customer)).isEmpty();
    }
}
