package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.DateRange;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the contact and account repositories must do, query by query, the way the
 * repository contracts check tenant isolation: the viewer sees the records it owns, of its team mate, in its
 * territory, and shared with it or with its team; not the many records of a stranger in another territory, which
 * every query would also match. Pages are full and counts count visible records only. Extend it and supply the
 * storage; {@link LeadAndDealVisibilityContract} does the same for leads and opportunities.
 */
public abstract class RecordVisibilityContract extends VisibilityFixture {

    // contacts

    private List<Contact> saveContacts() {
        List<Contact> visible = new ArrayList<>();
        List<UserId> owners = visibleOwners();
        for (int i = 0; i < owners.size(); i++) {
            visible.add(saveContact(owners.get(i), i == 2 ? viewersTerritory : otherTerritory, "v" + i));
        }
        share(RecordRef.contact(visible.get(3).id()), viewer.id());
        share(RecordRef.contact(visible.get(4).id()), team.id());
        for (int i = 0; i < HIDDEN; i++) {
            saveContact(stranger, otherTerritory, "h" + i);
        }
        return visible;
    }

    private Contact saveContact(UserId owner, TerritoryId territory, String key) {
        Contact contact = Contact.register(
                TENANT_A,
                ContactId.next(ids),
                NewContact.of(PersonName.of("Ann " + key, NAME), owner)
                        .withEmail(EMAIL, ContactPointType.WORK)
                        .withPhone(PHONE, ContactPointType.WORK)
                        .withTag("vip")
                        .withTerritory(territory)
                        .withCustomerSince(BIRTHDAY)
                        .withDetails(new ContactDetails(null, BIRTHDAY, null))
                        .withExternalRef(ExternalRef.of("erp", key)),
                clock);
        contact.linkToAccount(parent, "Buyer", false, DateRange.from(LocalDate.of(2020, 1, 1)), clock);
        return inTransaction(() -> storage.contacts().save(contact));
    }

    @Test
    void everyContactQuerySeesOnlyTheVisibleContacts() {
        List<Contact> visible = saveContacts();
        ContactRepository contacts = storage.contacts().visibleTo(visibility);
        List<Object> expected = ids(visible, Contact::id);
        MonthDay day = MonthDay.from(BIRTHDAY);
        LocalDate today = LocalDate.of(2026, 3, 2);

        assertThat(contacts.findById(TENANT_A, visible.get(2).id())).isPresent();
        assertThat(ids(contacts.findByEmail(TENANT_A, EMAIL), Contact::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(contacts.findByPhone(TENANT_A, PHONE), Contact::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(contacts.findByExternalRef(TENANT_A, ExternalRef.of("erp", "v3")))
                .isPresent();
        assertThat(contacts.findByExternalRef(TENANT_A, ExternalRef.of("erp", "h0")))
                .isEmpty();
        assertThat(ids(contacts.findAllAfter(TENANT_A, null, 50), Contact::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(contacts.findAllAfter(TENANT_A, visible.get(0).id(), 2)).hasSize(2);
        assertThat(ids(
                        contacts.findByIds(
                                TENANT_A,
                                storage.contacts().findAllAfter(TENANT_A, null, 100).stream()
                                        .map(Contact::id)
                                        .toList()),
                        Contact::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(List.<Object>copyOf(contacts.existingIds(
                        TENANT_A,
                        storage.contacts().findAllAfter(TENANT_A, null, 100).stream()
                                .map(Contact::id)
                                .toList())))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        contacts.findByOwner(TENANT_A, stranger, PageRequest.first(20))
                                .items(),
                        Contact::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 5));
        List<Function<PageRequest, Page<Contact>>> queries = List.of(
                page -> contacts.findByTag(TENANT_A, "vip", page),
                page -> contacts.findByNameStartingWith(TENANT_A, NAME, page),
                page -> contacts.findByAccount(TENANT_A, parent, today, page),
                page -> contacts.findWithBirthdayOn(TENANT_A, day, page),
                page -> contacts.findWithCustomerAnniversaryOn(TENANT_A, day, page),
                page -> contacts.findAll(TENANT_A, page));
        for (Function<PageRequest, Page<Contact>> query : queries) {
            assertThat(ids(query.apply(PageRequest.first(20)).items(), Contact::id))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertFullPages(query, expected.size());
        }
    }

    @Test
    void aHiddenContactIsNotFoundButTheUnrestrictedRepositoryStillHasIt() {
        saveContacts();
        Contact hidden = saveContact(stranger, otherTerritory, "hidden");

        assertThat(storage.contacts().visibleTo(visibility).findById(TENANT_A, hidden.id()))
                .isEmpty();
        assertThat(storage.contacts().findById(TENANT_A, hidden.id())).isPresent();
        assertThat(storage.contacts().findAll(TENANT_A, PageRequest.first(50)).totalElements())
                .isEqualTo(5 + HIDDEN + 1);
    }

    @Test
    void anAdministratorSeesEveryContactAndAnInactiveUserNone() {
        saveContacts();
        User admin = AccessMother.aUser(TENANT_A, ids, clock, "admin");
        admin.grantRole(org.crmkit.core.access.Role.ADMIN, clock);
        viewer.deactivate(clock);

        assertThat(storage.contacts()
                        .visibleTo(Visibility.of(admin, List.of(), List.of()))
                        .findAll(TENANT_A, PageRequest.first(50))
                        .totalElements())
                .isEqualTo(5 + HIDDEN);
        assertThat(storage.contacts()
                        .visibleTo(Visibility.of(viewer, List.of(team), List.of()))
                        .findAll(TENANT_A, PageRequest.first(50))
                        .totalElements())
                .isZero();
    }

    @Test
    void aVisibleViewStillSeesOnlyItsOwnTenant() {
        saveContacts();
        Contact foreign = Contact.register(
                TenantId.of("tenant-b"),
                ContactId.next(ids),
                NewContact.of(PersonName.of("Ann", NAME), viewer.id()),
                clock);
        inTransaction(() -> storage.contacts().save(foreign));

        ContactRepository contacts = storage.contacts().visibleTo(visibility);
        assertThat(contacts.findById(TENANT_A, foreign.id())).isEmpty();
        assertThat(contacts.findAll(TENANT_B, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
        assertThat(contacts.findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(5);
    }

    // accounts

    private List<Account> saveAccounts() {
        Account parentAccount = Account.register(TENANT_A, parent, NewAccount.of("Parent", stranger), clock);
        inTransaction(() -> storage.accounts().save(parentAccount));
        List<Account> visible = new ArrayList<>();
        List<UserId> owners = visibleOwners();
        for (int i = 0; i < owners.size(); i++) {
            visible.add(saveAccount(owners.get(i), i == 2 ? viewersTerritory : otherTerritory, "v" + i));
        }
        share(RecordRef.account(visible.get(3).id()), viewer.id());
        share(RecordRef.account(visible.get(4).id()), team.id());
        for (int i = 0; i < HIDDEN; i++) {
            saveAccount(stranger, otherTerritory, "h" + i);
        }
        return visible;
    }

    private Account saveAccount(UserId owner, TerritoryId territory, String key) {
        Account account = Account.register(
                TENANT_A,
                AccountId.next(ids),
                NewAccount.of(NAME, owner)
                        .withEmail(EMAIL, ContactPointType.WORK)
                        .withPhone(PHONE, ContactPointType.WORK)
                        .withTerritory(territory)
                        .withExternalRef(ExternalRef.of("erp", key)),
                clock);
        account.setParent(parent, LocalDate.of(2020, 1, 1), clock);
        return inTransaction(() -> storage.accounts().save(account));
    }

    @Test
    void everyAccountQuerySeesOnlyTheVisibleAccounts() {
        List<Account> visible = saveAccounts();
        AccountRepository accounts = storage.accounts().visibleTo(visibility);
        List<Object> expected = ids(visible, Account::id);
        LocalDate today = LocalDate.of(2026, 3, 2);

        assertThat(accounts.findById(TENANT_A, visible.get(4).id())).isPresent();
        assertThat(accounts.findById(TENANT_A, parent)).isEmpty();
        assertThat(ids(accounts.findByName(TENANT_A, NAME), Account::id)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(accounts.findByEmail(TENANT_A, EMAIL), Account::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(accounts.findByPhone(TENANT_A, PHONE), Account::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(accounts.findByExternalRef(TENANT_A, ExternalRef.of("erp", "v2")))
                .isPresent();
        assertThat(accounts.findByExternalRef(TENANT_A, ExternalRef.of("erp", "h1")))
                .isEmpty();
        assertThat(ids(accounts.findAllAfter(TENANT_A, null, 50), Account::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        accounts.findByIds(
                                TENANT_A,
                                Stream.concat(visible.stream().map(Account::id), Stream.of(parent))
                                        .toList()),
                        Account::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(List.<Object>copyOf(accounts.existingIds(
                        TENANT_A,
                        Stream.concat(visible.stream().map(Account::id), Stream.of(parent))
                                .toList())))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        accounts.findByTerritory(TENANT_A, otherTerritory, PageRequest.first(20))
                                .items(),
                        Account::id))
                .containsExactlyInAnyOrderElementsOf(
                        List.of(expected.get(0), expected.get(1), expected.get(3), expected.get(4)));
        List<Function<PageRequest, Page<Account>>> queries = List.of(
                page -> accounts.findChildren(TENANT_A, parent, today, page), page -> accounts.findAll(TENANT_A, page));
        for (Function<PageRequest, Page<Account>> query : queries) {
            assertThat(ids(query.apply(PageRequest.first(20)).items(), Account::id))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertFullPages(query, expected.size());
        }
        assertThat(ids(
                        accounts.findByOwner(TENANT_A, stranger, PageRequest.first(20))
                                .items(),
                        Account::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 5));
    }
}
