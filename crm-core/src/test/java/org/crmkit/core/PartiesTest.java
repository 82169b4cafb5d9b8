package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentGranted;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.ContactRegistered;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = UserId.of(UUID.randomUUID());
    private static final EmailAddress ADA_MAIL = EmailAddress.of("Ada@Example.com");

    private final List<OutboxEntry> delivered = Collections.synchronizedList(new ArrayList<>());
    private InMemoryStorage storage;
    private Parties parties;

    @BeforeEach
    void buildCrm() {
        storage = InMemoryStorage.create(CLOCK);
        parties = Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .eventListener(delivered::add)
                .build()
                .parties();
    }

    private Contact ada() {
        return parties.registerContact(NewContact.of(PersonName.of("Ada", "King"), OWNER)
                .withEmail(ADA_MAIL, ContactPointType.WORK)
                .withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.MOBILE));
    }

    private Account acme() {
        return parties.registerAccount(NewAccount.of("ACME GmbH", OWNER));
    }

    @Test
    void aRegisteredContactIsStoredAndItsEventReachesTheListenerAfterCommit() {
        Contact contact = ada();

        assertThat(contact.version()).isEqualTo(1);
        assertThat(parties.contact(contact.id()).state()).isEqualTo(contact.state());
        assertThat(delivered)
                .singleElement()
                .satisfies(entry -> assertThat(entry.event()).isInstanceOf(ContactRegistered.class));
    }

    @Test
    void contactsAreFoundByEmailIgnoringCaseAndByPhone() {
        Contact contact = ada();

        assertThat(parties.contactsByEmail(EmailAddress.of("ada@example.COM")))
                .extracting(Contact::id)
                .containsExactly(contact.id());
        assertThat(parties.contactsByPhone(PhoneNumber.parse("+49301234567")))
                .extracting(Contact::id)
                .containsExactly(contact.id());
        assertThat(parties.contactsByEmail(EmailAddress.of("bob@example.com"))).isEmpty();
    }

    @Test
    void grantingConsentIsStoredAndPublished() {
        Contact contact = ada();

        Contact changed =
                parties.grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");

        assertThat(changed.version()).isEqualTo(2);
        assertThat(parties.contact(contact.id()).mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isTrue();
        assertThat(delivered)
                .last()
                .satisfies(entry -> assertThat(entry.event()).isInstanceOf(ConsentGranted.class));
    }

    @Test
    void aRefusedChangeStoresNothingAndPublishesNothing() {
        Contact contact = ada();
        int before = delivered.size();

        assertThatThrownBy(
                        () -> parties.addEmail(contact.id(), EmailAddress.of("ADA@example.com"), ContactPointType.HOME))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));

        assertThat(parties.contact(contact.id()).version()).isEqualTo(1);
        assertThat(delivered).hasSize(before);
    }

    @Test
    void aBadInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> parties.registerContact(null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("contact"));
        assertThatThrownBy(() -> parties.tag((ContactId) null, "vip"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("partyId"));

        assertThat(storage.contacts()
                        .findAll(TenantId.DEFAULT, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void anImportIsAllOrNothing() {
        NewContact good = NewContact.of(PersonName.of("Ada", "King"), OWNER);
        NewContact unborn = NewContact.of(PersonName.of("Bob", "Future"), OWNER)
                .withDetails(new ContactDetails(null, LocalDate.of(2030, 1, 1), null));

        assertThatThrownBy(() -> parties.importContacts(List.of(good, unborn)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("birthday"));

        assertThat(storage.contacts()
                        .findAll(TenantId.DEFAULT, PageRequest.first(10))
                        .totalElements())
                .isZero();
        assertThat(delivered).isEmpty();
        assertThat(parties.importContacts(List.of(good, good))).hasSize(2);
    }

    @Test
    void oneMethodChangesAContactOrAnAccountAndStoresIt() {
        Contact contact = ada();
        Account account = acme();

        Contact taggedContact = parties.tag(contact.id(), "vip");
        Account taggedAccount = parties.tag(account.id(), "vip");
        Account owned = parties.assignOwner(account.id(), UserId.of(UUID.randomUUID()));

        assertThat(taggedContact.tags().values()).containsExactly("vip");
        assertThat(parties.contact(contact.id()).tags().values()).containsExactly("vip");
        assertThat(taggedAccount.tags().values()).containsExactly("vip");
        assertThat(parties.account(account.id()).owner())
                .isEqualTo(owned.owner())
                .isNotEqualTo(OWNER);
        assertThatThrownBy(() -> parties.tag(AccountId.of(UUID.randomUUID()), "vip"))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Account");
    }

    @Test
    void changingAnUnknownContactIsNotFound() {
        assertThatThrownBy(() -> parties.tag(ContactId.of(UUID.randomUUID()), "vip"))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void linkingToAnUnknownAccountIsNotFoundAndStoresNothing() {
        Contact contact = ada();

        assertThatThrownBy(() -> parties.linkContactToAccount(
                        contact.id(), AccountId.of(UUID.randomUUID()), "CFO", true, LocalDate.of(2025, 1, 1), null))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(parties.contact(contact.id()).affiliations()).isEmpty();
    }

    @Test
    void contactsOfAnAccountAreThoseWithACurrentLink() {
        Account acme = acme();
        Contact current = ada();
        Contact former = parties.registerContact(NewContact.of(PersonName.of("Bob", "Old"), OWNER));
        parties.linkContactToAccount(current.id(), acme.id(), "CFO", true, LocalDate.of(2025, 1, 1), null);
        parties.linkContactToAccount(former.id(), acme.id(), "CEO", true, LocalDate.of(2020, 1, 1), null);
        parties.endAccountLink(former.id(), acme.id(), LocalDate.of(2025, 12, 31));

        assertThat(parties.contactsOfAccount(acme.id(), PageRequest.first(10)).items())
                .extracting(Contact::id)
                .containsExactly(current.id());
    }

    @Test
    void aParentThatIsASubsidiaryOfTheChildIsRefused() {
        Account group = acme();
        Account branch = parties.registerAccount(NewAccount.of("ACME Branch", OWNER));
        Account office = parties.registerAccount(NewAccount.of("ACME Office", OWNER));
        parties.setParentAccount(branch.id(), group.id(), LocalDate.of(2025, 1, 1));
        parties.setParentAccount(office.id(), branch.id(), LocalDate.of(2025, 1, 1));

        assertThatThrownBy(() -> parties.setParentAccount(group.id(), office.id(), LocalDate.of(2025, 6, 1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("parent"));

        assertThat(parties.account(group.id()).parents()).isEmpty();
        assertThat(parties.subsidiariesOf(group.id(), PageRequest.first(10)).items())
                .extracting(Account::id)
                .containsExactly(branch.id());
    }

    @Test
    void creditHoldIsSetAndClearedThroughTheService() {
        Account acme = acme();

        assertThat(parties.placeOnCreditHold(acme.id(), "invoice overdue").isOnCreditHold())
                .isTrue();
        assertThat(parties.releaseCreditHold(acme.id()).isOnCreditHold()).isFalse();
    }

    @Test
    void listingsArePagedInNameOrder() {
        for (String last : List.of("Zuse", "Hopper", "Lovelace", "Turing")) {
            parties.registerContact(NewContact.of(PersonName.of("A", last), OWNER)
                    .withTag("Pioneer")
                    .withDetails(new ContactDetails(null, LocalDate.of(1906, 12, 9), null)));
        }

        assertThat(parties.contactsOwnedBy(OWNER, PageRequest.of(0, 3)).items())
                .extracting(c -> c.name().lastName())
                .containsExactly("Hopper", "Lovelace", "Turing");
        assertThat(parties.contactsTagged("PIONEER", PageRequest.of(1, 3)).items())
                .extracting(c -> c.name().lastName())
                .containsExactly("Zuse");
        assertThat(parties.contactsNamed("lo", PageRequest.first(10)).items())
                .extracting(c -> c.name().lastName())
                .containsExactly("Lovelace");
        assertThat(parties.contactsWithBirthdayOn(MonthDay.of(12, 9), PageRequest.first(10))
                        .totalElements())
                .isEqualTo(4);
    }

    @Test
    void accountsAreFoundByNormalisedName() {
        Account acme = acme();

        assertThat(parties.accountsNamed("  acme   gmbh"))
                .extracting(Account::id)
                .containsExactly(acme.id());
    }
}
