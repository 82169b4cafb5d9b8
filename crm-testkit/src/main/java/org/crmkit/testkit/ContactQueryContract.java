package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.DateRange;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.Test;

/**
 * The finders every {@link ContactRepository} must answer, the part of {@link ContactRepositoryContract} about
 * lookups (e-mail, phone, owner, tag, name, account, occasion) and paging every contact; an adapter extends
 * {@link ContactRepositoryContract}, which runs these too.
 */
abstract class ContactQueryContract extends StorageContract {

    ContactRepository contacts() {
        return storage.contacts();
    }

    <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    Contact save(Contact contact) {
        return inTransaction(() -> contacts().save(contact));
    }

    Contact named(String first, String last, UserId owner) {
        return ContactMother.aContact(TENANT_A, ids, clock, first, last, owner);
    }

    static List<String> lastNames(Page<Contact> page) {
        return page.items().stream().map(contact -> contact.name().lastName()).toList();
    }

    /** {@code count} new contacts of tenant A saved in one transaction, as they were before the save. */
    List<Contact> savedOfTenantA(int count) {
        List<Contact> batch = IntStream.range(0, count)
                .mapToObj(i -> ContactMother.aContact(TENANT_A, ids, clock))
                .toList();
        inTransaction(() -> contacts().saveAll(batch));
        return batch;
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
}
