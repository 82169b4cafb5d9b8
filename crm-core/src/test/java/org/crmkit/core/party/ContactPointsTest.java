package org.crmkit.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.junit.jupiter.api.Test;

class ContactPointsTest {

    private static final EmailAddress WORK = EmailAddress.of("ada@example.com");
    private static final EmailAddress HOME = EmailAddress.of("ada@home.example");
    private static final EmailAddress OTHER = EmailAddress.of("ada@other.example");

    @Test
    void theFirstEmailAddedBecomesPrimary() {
        ContactPoints points =
                ContactPoints.NONE.withEmail(WORK, ContactPointType.WORK).withEmail(HOME, ContactPointType.HOME);

        assertThat(points.primaryEmail()).contains(WORK);
        assertThat(points.emails()).extracting(ContactPoint::primary).containsExactly(true, false);
    }

    @Test
    void makingAnotherEmailPrimaryDemotesTheOldOne() {
        ContactPoints points = ContactPoints.NONE
                .withEmail(WORK, ContactPointType.WORK)
                .withEmail(HOME, ContactPointType.HOME)
                .withPrimaryEmail(HOME);

        assertThat(points.primaryEmail()).contains(HOME);
        assertThat(points.emails()).filteredOn(ContactPoint::primary).hasSize(1);
    }

    @Test
    void removingThePrimaryPromotesTheOldestRemaining() {
        ContactPoints points = ContactPoints.NONE
                .withEmail(WORK, ContactPointType.WORK)
                .withEmail(HOME, ContactPointType.HOME)
                .withEmail(OTHER, ContactPointType.OTHER)
                .withoutEmail(WORK);

        assertThat(points.primaryEmail()).contains(HOME);
        assertThat(points.emails()).extracting(ContactPoint::value).containsExactly(HOME, OTHER);
    }

    @Test
    void removingTheLastEntryLeavesNoPrimary() {
        assertThat(ContactPoints.NONE
                        .withEmail(WORK, ContactPointType.WORK)
                        .withoutEmail(WORK)
                        .primaryEmail())
                .isEmpty();
    }

    @Test
    void removingANonPrimaryKeepsThePrimary() {
        ContactPoints points = ContactPoints.NONE
                .withEmail(WORK, ContactPointType.WORK)
                .withEmail(HOME, ContactPointType.HOME)
                .withoutEmail(HOME);

        assertThat(points.primaryEmail()).contains(WORK);
    }

    @Test
    void anEmailDifferingOnlyInCaseIsADuplicate() {
        ContactPoints points = ContactPoints.NONE.withEmail(WORK, ContactPointType.WORK);

        assertThatThrownBy(() -> points.withEmail(EmailAddress.of("ADA@example.com"), ContactPointType.HOME))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(points.hasEmail(EmailAddress.of("Ada@Example.com"))).isTrue();
    }

    @Test
    void removingOrPromotingAnUnknownEntryIsRefusedNamingTheField() {
        ContactPoints points = ContactPoints.NONE.withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.WORK);

        assertThatThrownBy(() -> points.withoutPhone(PhoneNumber.parse("+49 30 7654321")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> points.withPrimaryAddress(PostalAddress.of("Main St 1", "10115", "Berlin", "DE")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void aMissingTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ContactPoints.NONE.withPhone(PhoneNumber.parse("+49 30 1234567"), null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phoneType"));
    }

    @Test
    void phonesAndAddressesFollowTheSamePrimaryRules() {
        PhoneNumber first = PhoneNumber.parse("+49 30 1234567");
        PhoneNumber second = PhoneNumber.parse("+49 30 7654321");
        PostalAddress office = PostalAddress.of("Main St 1", "10115", "Berlin", "DE");
        PostalAddress warehouse = PostalAddress.of("Dock 4", "20457", "Hamburg", "DE");

        ContactPoints points = ContactPoints.NONE
                .withPhone(first, ContactPointType.WORK)
                .withPhone(second, ContactPointType.MOBILE)
                .withPrimaryPhone(second)
                .withAddress(office, ContactPointType.BILLING)
                .withAddress(warehouse, ContactPointType.SHIPPING)
                .withoutAddress(office);

        assertThat(points.primaryPhone()).contains(second);
        assertThat(points.primaryAddress()).contains(warehouse);
    }

    @Test
    void aStoredFormWithTwoPrimariesIsRefused() {
        List<ContactPoint<EmailAddress>> twoPrimaries = List.of(
                new ContactPoint<>(WORK, ContactPointType.WORK, true),
                new ContactPoint<>(HOME, ContactPointType.HOME, true));

        assertThatThrownBy(() -> new ContactPoints(twoPrimaries, List.of(), List.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("emails"));
    }
}
