package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.FieldSecurity;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SecuredField;
import org.crmkit.core.access.User;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.FieldAccessDeniedException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldSecurityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate BIRTHDAY = LocalDate.of(1980, 5, 17);
    private static final CustomFieldKey CREDIT_LIMIT = CustomFieldKey.of("credit_limit");
    private static final SecuredField ACCOUNT_CREDIT_LIMIT = SecuredField.customField(RecordType.ACCOUNT, CREDIT_LIMIT);

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final InMemoryStorage storage = InMemoryStorage.create(CLOCK);
    private Crm crm;
    private User sales;
    private User manager;
    private User admin;
    private Contact contact;
    private Account account;

    @BeforeEach
    void birthdaysForManagersOnlyAndCreditLimitsEditedByManagers() {
        crm = Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .actorResolver(actor::get)
                .fieldSecurity(FieldSecurity.none()
                        .restrict(SecuredField.CONTACT_BIRTHDAY, Set.of(Role.MANAGER), Set.of())
                        .restrict(ACCOUNT_CREDIT_LIMIT, Set.of(), Set.of(Role.MANAGER)))
                .build();
        sales = crm.access().registerUser("sales", EmailAddress.of("sales@crm.example"), List.of(Role.SALES));
        manager = crm.access().registerUser("manager", EmailAddress.of("manager@crm.example"), List.of(Role.MANAGER));
        admin = crm.access().registerUser("admin", EmailAddress.of("admin@crm.example"), List.of(Role.ADMIN));
        contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Nora", "Customer"), sales.id())
                        .withDetails(new ContactDetails(Locale.GERMAN, BIRTHDAY, null)));
        account = crm.parties()
                .registerAccount(NewAccount.of("Acme", sales.id())
                        .withCustomField(CREDIT_LIMIT, CustomFieldValue.money(Money.of("5000.00", "EUR"))));
    }

    private void actAs(User user) {
        actor.set(Actor.user(user.id(), user.name()));
    }

    private LocalDate storedBirthday() {
        return storage.contacts()
                .findById(contact.tenant(), contact.id())
                .orElseThrow()
                .details()
                .birthday();
    }

    @Test
    void aHiddenFieldReadsAsAbsentAndAReaderSeesIt() {
        actAs(sales);
        assertThat(crm.parties().contact(contact.id()).details().birthday()).isNull();
        assertThat(crm.parties()
                        .contactsNamed("Cust", org.crmkit.core.common.PageRequest.first(5))
                        .items())
                .allSatisfy(found -> assertThat(found.details().birthday()).isNull());
        assertThat(crm.parties().account(account.id()).customFields().get(CREDIT_LIMIT))
                .isEmpty();

        actAs(manager);
        assertThat(crm.parties().contact(contact.id()).details().birthday()).isEqualTo(BIRTHDAY);
        assertThat(crm.parties().account(account.id()).customFields().get(CREDIT_LIMIT))
                .isPresent();
    }

    @Test
    void aChangeByAUserWhoCannotReadAFieldKeepsItsStoredValue() {
        actAs(sales);

        Contact renamed = crm.parties().renameContact(contact.id(), PersonName.of("Nora", "Renamed"));
        crm.parties().changeContactDetails(contact.id(), new ContactDetails(Locale.FRENCH, null, null));

        assertThat(renamed.details().birthday()).isNull();
        assertThat(storedBirthday()).isEqualTo(BIRTHDAY);
        assertThat(storage.contacts()
                        .findById(contact.tenant(), contact.id())
                        .orElseThrow()
                        .details()
                        .preferredLanguage())
                .isEqualTo(Locale.FRENCH);
    }

    @Test
    void anEditOfAFieldTheUserMayNotEditIsRefusedNamingIt() {
        actAs(sales);
        assertThatThrownBy(() -> crm.parties()
                        .changeContactDetails(contact.id(), new ContactDetails(null, LocalDate.of(1990, 1, 1), null)))
                .isInstanceOf(FieldAccessDeniedException.class)
                .hasMessageContaining("contact.birthday")
                .hasMessageContaining(sales.id().toString())
                .satisfies(e ->
                        assertThat(((FieldAccessDeniedException) e).errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThatThrownBy(() -> crm.parties()
                        .setCustomField(account.id(), CREDIT_LIMIT, CustomFieldValue.money(Money.of("1.00", "EUR"))))
                .isInstanceOf(FieldAccessDeniedException.class)
                .extracting(e -> ((FieldAccessDeniedException) e).field())
                .isEqualTo("account.customFields.credit_limit");
        assertThatThrownBy(() -> crm.parties()
                        .registerContact(NewContact.of(PersonName.of("New", "Person"), sales.id())
                                .withDetails(new ContactDetails(null, BIRTHDAY, null))))
                .isInstanceOf(FieldAccessDeniedException.class);

        actAs(manager);
        assertThatThrownBy(() -> crm.parties()
                        .changeContactDetails(contact.id(), new ContactDetails(null, LocalDate.of(1990, 1, 1), null)))
                .isInstanceOf(FieldAccessDeniedException.class);
        assertThat(crm.parties()
                        .setCustomField(account.id(), CREDIT_LIMIT, CustomFieldValue.money(Money.of("7000.00", "EUR")))
                        .customFields()
                        .get(CREDIT_LIMIT))
                .contains(CustomFieldValue.money(Money.of("7000.00", "EUR")));

        actAs(admin);
        crm.parties().changeContactDetails(contact.id(), new ContactDetails(null, LocalDate.of(1990, 1, 1), null));
        assertThat(storedBirthday()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void anActorThatIsNoUserReadsNoRestrictedFieldAndTheSystemReadsAll() {
        actor.set(Actor.of("host-user-7", "Host user"));
        assertThat(crm.parties().contact(contact.id()).details().birthday()).isNull();

        actor.set(Actor.SYSTEM);
        assertThat(crm.parties().contact(contact.id()).details().birthday()).isEqualTo(BIRTHDAY);
    }

    @Test
    void onlyKnownFieldsAndWellFormedCustomFieldsCanBeRestricted() {
        assertThatThrownBy(() -> new SecuredField(RecordType.CONTACT, "taxId"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SecuredField(RecordType.LEAD, "customFields.x"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(SecuredField.customField(RecordType.CONTACT, CustomFieldKey.of("shoe_size"))
                        .toString())
                .isEqualTo("contact.customFields.shoe_size");
    }

    @Test
    void aSegmentOfACustomFieldTheUserMayNotReadHoldsNoneOfItsRecordsForThatUser() {
        Crm hidingCreditLimits = Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .actorResolver(actor::get)
                .fieldSecurity(FieldSecurity.none().restrict(ACCOUNT_CREDIT_LIMIT, Set.of(Role.MANAGER), Set.of()))
                .build();
        SegmentId bigCredit = hidingCreditLimits
                .segments()
                .define(
                        "Credit over 1,000",
                        SegmentAudience.ACCOUNTS,
                        SegmentRule.all(new SegmentCriterion.CustomField(
                                CREDIT_LIMIT,
                                SegmentCriterion.Comparison.GREATER_THAN,
                                CustomFieldValue.money(Money.of("1000.00", "EUR")))))
                .id();

        actAs(sales);
        assertThat(hidingCreditLimits.segments().accountsIn(bigCredit, null, 10))
                .isEmpty();
        actAs(manager);
        assertThat(hidingCreditLimits.segments().accountsIn(bigCredit, null, 10))
                .extracting(Account::id)
                .containsExactly(account.id());
    }
}
