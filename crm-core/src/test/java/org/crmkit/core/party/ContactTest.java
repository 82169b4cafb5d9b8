package org.crmkit.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class ContactTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final UserId OWNER = UserId.of(UUID.randomUUID());
    private static final AccountId ACME = AccountId.of(UUID.randomUUID());

    private static Contact ada() {
        return Contact.register(
                TENANT, ContactId.of(UUID.randomUUID()), NewContact.of(PersonName.of("Ada", "King"), OWNER), CLOCK);
    }

    private static Clock later(long minutes) {
        return Clock.offset(CLOCK, Duration.ofMinutes(minutes));
    }

    @Test
    void registeringRecordsContactRegistered() {
        Contact contact = ada();

        assertThat(contact.isNew()).isTrue();
        assertThat(contact.pendingEvents()).singleElement().isInstanceOfSatisfying(ContactRegistered.class, event -> {
            assertThat(event.aggregateId()).isEqualTo(contact.id().value());
            assertThat(event.owner()).isEqualTo(OWNER);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.aggregateType()).isEqualTo("Contact");
        });
    }

    @Test
    void aContactWithoutLastNameIsRefused() {
        assertThatThrownBy(() -> PersonName.of("Ada", " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name.lastName"));
    }

    @Test
    void aBirthdayInTheFutureIsRefused() {
        NewContact unborn = NewContact.of(PersonName.of("Ada", "King"), OWNER)
                .withDetails(new ContactDetails(null, LocalDate.of(2026, 3, 3), null));

        assertThatThrownBy(() -> Contact.register(TENANT, ContactId.of(UUID.randomUUID()), unborn, CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("birthday"));
    }

    @Test
    void aLocaleWithoutLanguageIsRefused() {
        assertThatThrownBy(() -> new ContactDetails(Locale.forLanguageTag("und"), null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("preferredLanguage"));
    }

    @Test
    void changingDetailsRecordsOneChangeAndSameDetailsRecordNone() {
        Contact contact = ada();
        ContactDetails details =
                new ContactDetails(Locale.GERMAN, LocalDate.of(1815, 12, 10), ZoneId.of("Europe/London"));

        contact.changeDetails(details, CLOCK);
        contact.changeDetails(details, CLOCK);

        assertThat(contact.details()).isEqualTo(details);
        assertThat(contact.pendingEvents())
                .filteredOn(ContactChanged.class::isInstance)
                .singleElement()
                .extracting(event -> ((ContactChanged) event).change())
                .isEqualTo(PartyChange.DETAILS);
    }

    @Test
    void noConsentMeansNoContact() {
        assertThat(ada().mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isFalse();
    }

    @Test
    void theLatestConsentDecisionWins() {
        Contact contact = ada();

        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form", CLOCK);
        assertThat(contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isTrue();

        contact.withdrawConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe-link", later(5));
        assertThat(contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isFalse();
        assertThat(contact.latestConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .hasValueSatisfying(consent -> {
                    assertThat(consent.status()).isEqualTo(ConsentStatus.WITHDRAWN);
                    assertThat(consent.source()).isEqualTo("unsubscribe-link");
                    assertThat(consent.recordedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
                });

        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "call", later(10));
        assertThat(contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isTrue();
        assertThat(contact.consents()).hasSize(3);
    }

    @Test
    void consentIsPerChannelAndPurpose() {
        Contact contact = ada();

        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract", CLOCK);

        assertThat(contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.SERVICE))
                .isTrue();
        assertThat(contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isFalse();
        assertThat(contact.mayContact(ConsentChannel.SMS, ConsentPurpose.SERVICE))
                .isFalse();
    }

    @Test
    void consentEventsCarryChannelPurposeAndSource() {
        Contact contact = ada();

        contact.grantConsent(ConsentChannel.SMS, ConsentPurpose.MARKETING, "web-form", CLOCK);
        contact.withdrawConsent(ConsentChannel.SMS, ConsentPurpose.MARKETING, "stop-reply", CLOCK);

        assertThat(contact.pendingEvents()).hasSize(3);
        assertThat(contact.pendingEvents().get(1))
                .isEqualTo(new ConsentGranted(
                        TENANT, contact.id().value(), NOW, ConsentChannel.SMS, ConsentPurpose.MARKETING, "web-form"));
        assertThat(contact.pendingEvents().get(2))
                .isEqualTo(new ConsentWithdrawn(
                        TENANT, contact.id().value(), NOW, ConsentChannel.SMS, ConsentPurpose.MARKETING, "stop-reply"));
    }

    @Test
    void consentWithoutSourceIsRefused() {
        Contact contact = ada();

        assertThatThrownBy(() -> contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, " ", CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThat(contact.consents()).isEmpty();
    }

    @Test
    void aLinkToAnAccountIsCurrentOnlyWithinItsDates() {
        Contact contact = ada();

        contact.linkToAccount(
                ACME, "CFO", true, DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), CLOCK);

        assertThat(contact.accountsOn(LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(contact.accountsOn(LocalDate.of(2024, 1, 1))).containsExactly(ACME);
        assertThat(contact.accountsOn(LocalDate.of(2024, 12, 31))).containsExactly(ACME);
        assertThat(contact.accountsOn(LocalDate.of(2025, 1, 1))).isEmpty();
        assertThat(contact.affiliations()).singleElement().satisfies(link -> {
            assertThat(link.role()).isEqualTo("CFO");
            assertThat(link.decisionMaker()).isTrue();
        });
    }

    @Test
    void overlappingLinksToTheSameAccountAreRefused() {
        Contact contact = ada();
        contact.linkToAccount(ACME, "CFO", true, DateRange.from(LocalDate.of(2024, 1, 1)), CLOCK);

        assertThatThrownBy(() ->
                        contact.linkToAccount(ACME, "CEO", true, DateRange.of(LocalDate.of(2025, 1, 1), null), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThat(contact.affiliations()).hasSize(1);
    }

    @Test
    void endingALinkKeepsItUpToAndIncludingTheEndDate() {
        Contact contact = ada();
        contact.linkToAccount(ACME, "CFO", false, DateRange.from(LocalDate.of(2024, 1, 1)), CLOCK);

        contact.endAccountLink(ACME, LocalDate.of(2025, 6, 30), CLOCK);
        contact.linkToAccount(ACME, "CEO", true, DateRange.from(LocalDate.of(2025, 7, 1)), CLOCK);

        assertThat(contact.affiliations().get(0).period())
                .isEqualTo(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30)));
        assertThat(contact.affiliations().get(1).role()).isEqualTo("CEO");
        assertThat(contact.pendingEvents()).hasAtLeastOneElementOfType(ContactAccountLinkEnded.class);
    }

    @Test
    void endingALinkThatIsNotCurrentIsRefused() {
        Contact contact = ada();
        contact.linkToAccount(ACME, "CFO", false, DateRange.from(LocalDate.of(2024, 1, 1)), CLOCK);

        assertThatThrownBy(() -> contact.endAccountLink(ACME, LocalDate.of(2023, 1, 1), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("account"));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> DateRange.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void ownerTerritoryAndTagsChangeThroughBehaviour() {
        Contact contact = ada();
        UserId newOwner = UserId.of(UUID.randomUUID());
        TerritoryId north = TerritoryId.of(UUID.randomUUID());

        contact.assignOwner(newOwner, CLOCK);
        contact.assignTerritory(north, CLOCK);
        contact.tag("VIP", CLOCK);
        contact.tag("vip", CLOCK);

        assertThat(contact.owner()).isEqualTo(newOwner);
        assertThat(contact.territory()).contains(north);
        assertThat(contact.tags().values()).containsExactly("vip");
        assertThat(contact.pendingEvents())
                .filteredOn(ContactChanged.class::isInstance)
                .extracting(event -> ((ContactChanged) event).change())
                .containsExactly(PartyChange.OWNER, PartyChange.TERRITORY, PartyChange.TAGS);
    }

    @Test
    void removingACustomFieldThatIsNotSetIsRefused() {
        assertThatThrownBy(() -> ada().removeCustomField(CustomFieldKey.of("size"), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customField.key"));
    }

    @Test
    void theStateRoundTripKeepsEveryField() {
        Contact contact = ada();
        contact.changeDetails(
                new ContactDetails(Locale.FRENCH, LocalDate.of(1990, 2, 28), ZoneId.of("Europe/Paris")), CLOCK);
        contact.addEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK, CLOCK);
        contact.setCustomField(CustomFieldKey.of("size"), CustomFieldValue.number(42), CLOCK);
        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form", CLOCK);
        contact.linkToAccount(ACME, "CFO", true, DateRange.from(LocalDate.of(2024, 1, 1)), CLOCK);
        contact.markCustomerSince(LocalDate.of(2020, 5, 1), CLOCK);

        Contact restored = Contact.restore(contact.state());

        assertThat(restored.state()).isEqualTo(contact.state());
        assertThat(restored.pendingEvents()).isEmpty();
    }
}
