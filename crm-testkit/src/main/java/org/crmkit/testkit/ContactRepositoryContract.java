package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.DateRange;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.Test;

/** What every {@link ContactRepository} must do. Extend it and supply the storage. */
public abstract class ContactRepositoryContract extends StorageContract {

    private ContactRepository contacts() {
        return storage.contacts();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private Contact save(Contact contact) {
        return inTransaction(() -> contacts().save(contact));
    }

    private Contact named(String first, String last, UserId owner) {
        return ContactMother.aContact(TENANT_A, ids, clock, first, last, owner);
    }

    private static List<String> lastNames(Page<Contact> page) {
        return page.items().stream().map(contact -> contact.name().lastName()).toList();
    }

    /** {@code count} new contacts of tenant A saved in one transaction, as they were before the save. */
    private List<Contact> savedOfTenantA(int count) {
        List<Contact> batch = IntStream.range(0, count)
                .mapToObj(i -> ContactMother.aContact(TENANT_A, ids, clock))
                .toList();
        inTransaction(() -> contacts().saveAll(batch));
        return batch;
    }

    @Test
    void aSavedContactComesBackWithEveryFieldAndTheNextVersion() {
        Contact contact = ContactMother.aContact(TENANT_A, ids, clock);

        Contact saved = save(contact);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(contacts().findById(TENANT_A, contact.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(contact.state().withVersion(1)));
    }

    @Test
    void contactsAreReadTogetherByTheirIdsOfTheTenantOnly() {
        List<Contact> batch = savedOfTenantA(130);
        Contact otherTenants = save(ContactMother.aContact(TENANT_B, ids, clock));
        List<ContactId> wanted = new ArrayList<>(batch.stream().map(Contact::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(ContactId.next(ids));
        wanted.add(batch.get(0).id());

        List<Contact> found = contacts().findByIds(TENANT_A, wanted);

        assertThat(found)
                .hasSize(130)
                .extracting(Contact::id)
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(Contact::id).toList());
        assertThat(found)
                .filteredOn(contact -> contact.id().equals(batch.get(5).id()))
                .singleElement()
                .satisfies(contact -> assertThat(contact.state())
                        .isEqualTo(batch.get(5).state().withVersion(1)));
        assertThat(contacts().findByIds(TENANT_B, wanted))
                .extracting(Contact::id)
                .containsExactly(otherTenants.id());
        assertThat(contacts().findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void theIdsOfContactsThatExistAreFoundAmongManyForTheTenantOnly() {
        List<Contact> batch = savedOfTenantA(130);
        Contact otherTenants = save(ContactMother.aContact(TENANT_B, ids, clock));
        Contact deleted = batch.get(7);
        inTransaction(() -> contacts().delete(TENANT_A, deleted.id(), 1));
        ContactId neverStored = ContactId.next(ids);
        List<ContactId> wanted = new ArrayList<>(batch.stream().map(Contact::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(neverStored);
        wanted.add(batch.get(0).id());

        assertThat(contacts().existingIds(TENANT_A, wanted))
                .hasSize(129)
                .containsExactlyInAnyOrderElementsOf(batch.stream()
                        .map(Contact::id)
                        .filter(id -> !id.equals(deleted.id()))
                        .toList());
        assertThat(contacts().existingIds(TENANT_B, wanted)).containsExactly(otherTenants.id());
        assertThat(contacts().existingIds(TENANT_A, List.of(neverStored, deleted.id())))
                .isEmpty();
        assertThat(contacts().existingIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void aChangeIsStoredWithTheNextVersion() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        saved.tag("changed", clock);

        Contact again = save(saved);

        assertThat(again.version()).isEqualTo(2);
        assertThat(contacts()
                        .findById(TENANT_A, saved.id())
                        .orElseThrow()
                        .tags()
                        .has("changed"))
                .isTrue();
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        Contact first = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        Contact second = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        first.tag("first", clock);
        second.tag("second", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(contacts()
                        .findById(TENANT_A, saved.id())
                        .orElseThrow()
                        .tags()
                        .has("second"))
                .isFalse();
    }

    @Test
    void deletingNeedsTheCurrentVersion() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));

        assertThatThrownBy(() -> inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 0)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 1)))
                .isTrue();
        assertThat(contacts().findById(TENANT_A, saved.id())).isEmpty();
        assertThat(contacts().findByEmail(TENANT_A, EmailAddress.of("ada.king@example.com")))
                .isEmpty();
        assertThat(inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 1)))
                .isFalse();
    }

    @Test
    void saveAllStoresEveryContact() {
        UserId owner = UserId.next(ids);

        List<Contact> saved =
                inTransaction(() -> contacts().saveAll(List.of(named("A", "One", owner), named("B", "Two", owner))));

        assertThat(saved).extracting(Contact::version).containsExactly(1L, 1L);
        assertThat(contacts()
                        .findByOwner(TENANT_A, owner, PageRequest.first(10))
                        .totalElements())
                .isEqualTo(2);
    }

    @Test
    void aContactOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        Contact foreign = Contact.restore(new ContactState(
                TENANT_B,
                saved.id(),
                saved.version(),
                saved.name(),
                saved.details(),
                saved.contactPoints(),
                saved.tags(),
                saved.customFields(),
                saved.owner(),
                null,
                null,
                saved.consents(),
                saved.affiliations(),
                saved.registeredAt(),
                saved.externalRefs()));

        assertThat(contacts().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(contacts().findByEmail(TENANT_B, EmailAddress.of("ada.king@example.com")))
                .isEmpty();
        assertThat(contacts().findByPhone(TENANT_B, PhoneNumber.parse("+44 20 7946 0958")))
                .isEmpty();
        assertThat(contacts()
                        .findByOwner(TENANT_B, saved.owner(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(contacts().findAll(TENANT_B, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(inTransaction(() -> contacts().delete(TENANT_B, saved.id(), 1)))
                .isFalse();
        assertThat(contacts().findById(TENANT_A, saved.id()))
                .hasValueSatisfying(found -> assertThat(found.version()).isEqualTo(1));
    }

    @Test
    void contactsAreFoundByEmailIgnoringCase() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        save(named("Other", "Person", UserId.next(ids)));

        assertThat(contacts().findByEmail(TENANT_A, EmailAddress.of("ADA.KING@EXAMPLE.COM")))
                .extracting(Contact::id)
                .containsExactly(saved.id());
        assertThat(contacts().findByEmail(TENANT_A, EmailAddress.of("ada@home.example")))
                .extracting(Contact::id)
                .containsExactly(saved.id());
    }

    @Test
    void anEmailThatWasRemovedNoLongerFindsTheContact() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        saved.removeEmail(EmailAddress.of("ada@home.example"), clock);
        save(saved);

        assertThat(contacts().findByEmail(TENANT_A, EmailAddress.of("ada@home.example")))
                .isEmpty();
    }

    @Test
    void contactsAreFoundByPhoneInIdOrder() {
        PhoneNumber shared = PhoneNumber.parse("+49 30 7654321");
        Contact first = named("A", "First", UserId.next(ids));
        first.addPhone(shared, ContactPointType.WORK, clock);
        Contact second = named("B", "Second", UserId.next(ids));
        second.addPhone(shared, ContactPointType.HOME, clock);
        save(second);
        save(first);

        assertThat(contacts().findByPhone(TENANT_A, shared))
                .extracting(Contact::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void contactsOfAnOwnerArePagedInNameOrder() {
        UserId owner = UserId.next(ids);
        save(named("Grace", "Hopper", owner));
        save(named("Alan", "Turing", owner));
        save(named("Ada", "Lovelace", owner));
        save(named(null, "Anonymous", owner));
        save(named("Zed", "Hopper", owner));
        save(named("Someone", "Else", UserId.next(ids)));

        Page<Contact> first = contacts().findByOwner(TENANT_A, owner, PageRequest.of(0, 2));
        Page<Contact> second = contacts().findByOwner(TENANT_A, owner, PageRequest.of(1, 2));
        Page<Contact> third = contacts().findByOwner(TENANT_A, owner, PageRequest.of(2, 2));

        assertThat(lastNames(first)).containsExactly("Anonymous", "Hopper");
        assertThat(first.items().get(1).name().firstName()).isEqualTo("Grace");
        assertThat(lastNames(second)).containsExactly("Hopper", "Lovelace");
        assertThat(lastNames(third)).containsExactly("Turing");
        assertThat(first.totalElements()).isEqualTo(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void contactsWithATagArePagedInNameOrder() {
        UserId owner = UserId.next(ids);
        for (String last : List.of("Cee", "Aye", "Bee")) {
            Contact contact = named("X", last, owner);
            contact.tag("VIP Customer", clock);
            save(contact);
        }
        save(named("X", "Untagged", owner));

        assertThat(lastNames(contacts().findByTag(TENANT_A, "vip customer", PageRequest.of(0, 2))))
                .containsExactly("Aye", "Bee");
        assertThat(lastNames(contacts().findByTag(TENANT_A, " VIP  CUSTOMER ", PageRequest.of(1, 2))))
                .containsExactly("Cee");
    }

    @Test
    void contactsAreFoundByTheStartOfTheirNameIgnoringCase() {
        UserId owner = UserId.next(ids);
        save(named("Ada", "Lovelace", owner));
        save(named("Lo", "Ng", owner));
        save(named("Alan", "Turing", owner));

        assertThat(lastNames(contacts().findByNameStartingWith(TENANT_A, "LO", PageRequest.first(10))))
                .containsExactly("Lovelace", "Ng");
        assertThat(lastNames(contacts().findByNameStartingWith(TENANT_A, "ada l", PageRequest.first(10))))
                .containsExactly("Lovelace");
        assertThat(contacts()
                        .findByNameStartingWith(TENANT_A, "ada", PageRequest.of(1, 1))
                        .items())
                .isEmpty();
    }

    @Test
    void contactsOfAnAccountAreThoseLinkedOnTheDay() {
        UserId owner = UserId.next(ids);
        AccountId acme = AccountId.next(ids);
        Contact current = named("A", "Current", owner);
        current.linkToAccount(acme, "CFO", true, DateRange.from(LocalDate.of(2024, 1, 1)), clock);
        Contact former = named("B", "Former", owner);
        former.linkToAccount(
                acme, "CEO", true, DateRange.of(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31)), clock);
        Contact elsewhere = named("C", "Elsewhere", owner);
        elsewhere.linkToAccount(AccountId.next(ids), "CTO", false, DateRange.from(LocalDate.of(2020, 1, 1)), clock);
        save(current);
        save(former);
        save(elsewhere);

        assertThat(lastNames(contacts().findByAccount(TENANT_A, acme, LocalDate.of(2025, 1, 1), PageRequest.first(10))))
                .containsExactly("Current");
        assertThat(lastNames(
                        contacts().findByAccount(TENANT_A, acme, LocalDate.of(2023, 12, 31), PageRequest.first(10))))
                .containsExactly("Former");
    }

    @Test
    void contactsWithABirthdayOnADayArePagedInNameOrder() {
        UserId owner = UserId.next(ids);
        for (String last : List.of("Born1990", "Born1970", "Other")) {
            Contact contact = named("X", last, owner);
            LocalDate birthday = last.equals("Other")
                    ? LocalDate.of(1980, 12, 11)
                    : LocalDate.of(Integer.parseInt(last.substring(4)), 12, 10);
            contact.changeDetails(new ContactDetails(null, birthday, null), clock);
            save(contact);
        }
        save(named("X", "Unknown", owner));

        Page<Contact> page = contacts().findWithBirthdayOn(TENANT_A, MonthDay.of(12, 10), PageRequest.first(1));

        assertThat(lastNames(page)).containsExactly("Born1970");
        assertThat(page.totalElements()).isEqualTo(2);
    }

    @Test
    void contactsWhoBecameCustomersOnADayArePagedInNameOrderAndFollowAChange() {
        UserId owner = UserId.next(ids);
        Contact since2019 = named("X", "Since2019", owner);
        since2019.markCustomerSince(LocalDate.of(2019, 3, 1), clock);
        Contact since2024 = named("X", "Since2024", owner);
        since2024.markCustomerSince(LocalDate.of(2024, 2, 29), clock);
        Contact since2021 = named("X", "Since2021", owner);
        since2021.markCustomerSince(LocalDate.of(2021, 3, 1), clock);
        save(since2019);
        save(since2024);
        Contact stored2021 = save(since2021);
        save(named("X", "Prospect", owner));

        Page<Contact> firstOfMarch =
                contacts().findWithCustomerAnniversaryOn(TENANT_A, MonthDay.of(3, 1), PageRequest.first(5));

        assertThat(lastNames(firstOfMarch)).containsExactly("Since2019", "Since2021");
        assertThat(lastNames(
                        contacts().findWithCustomerAnniversaryOn(TENANT_A, MonthDay.of(2, 29), PageRequest.first(5))))
                .containsExactly("Since2024");
        assertThat(contacts()
                        .findWithCustomerAnniversaryOn(TENANT_B, MonthDay.of(3, 1), PageRequest.first(5))
                        .items())
                .isEmpty();

        stored2021.markCustomerSince(LocalDate.of(2021, 3, 2), clock);
        save(stored2021);

        assertThat(lastNames(
                        contacts().findWithCustomerAnniversaryOn(TENANT_A, MonthDay.of(3, 1), PageRequest.first(5))))
                .containsExactly("Since2019");
    }

    @Test
    void allContactsArePagedInIdOrder() {
        UserId owner = UserId.next(ids);
        Contact first = named("A", "Zed", owner);
        Contact second = named("B", "Aye", owner);
        Contact third = named("C", "Mid", owner);
        save(third);
        save(first);
        save(second);

        assertThat(contacts().findAll(TENANT_A, PageRequest.of(0, 2)).items())
                .extracting(Contact::id)
                .containsExactly(first.id(), second.id());
        assertThat(contacts().findAll(TENANT_A, PageRequest.of(1, 2)).items())
                .extracting(Contact::id)
                .containsExactly(third.id());
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        int writers = 4;
        List<Callable<Void>> tasks = IntStream.range(0, writers)
                .<Callable<Void>>mapToObj(i -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Contact contact = contacts()
                                        .findById(TENANT_A, saved.id())
                                        .orElseThrow();
                                contact.tag("writer-" + i, clock);
                                return contacts().save(contact);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Contact result = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        assertThat(result.version()).isEqualTo(1 + writers);
        assertThat(result.tags().hasAll(List.of("writer-0", "writer-1", "writer-2", "writer-3")))
                .isTrue();
    }
}
