package org.crmkit.core.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A person the business deals with. Besides what every {@link Party} has, a contact has a name, personal details,
 * a consent history per channel and purpose, and date-ranged links to the accounts it works at.
 *
 * <p>Not thread-safe; load, change and save within one use case.
 */
public final class Contact extends Party<ContactId> {

    private PersonName name;
    private ContactDetails details;
    private final List<Consent> consents;
    private final List<Affiliation> affiliations;

    private Contact(ContactState state) {
        super(
                state.tenant(),
                state.id(),
                state.version(),
                state.contactPoints(),
                state.tags(),
                state.customFields(),
                state.owner(),
                state.territory(),
                state.customerSince(),
                state.externalRefs(),
                state.registeredAt());
        this.name = Require.notNull(state.name(), "name");
        this.details = Require.notNull(state.details(), "details");
        this.consents = new ArrayList<>(state.consents());
        this.affiliations = new ArrayList<>(state.affiliations());
    }

    /** Registers a new contact (version 0) and records {@link ContactRegistered}. */
    public static Contact register(TenantId tenant, ContactId id, NewContact contact, Clock clock) {
        Require.notNull(contact, "contact");
        Require.notNull(clock, "clock");
        requireBirthdayNotInFuture(contact.details(), clock);
        LocalDate today = LocalDate.now(clock);
        Require.that(
                contact.customerSince() == null || !contact.customerSince().isAfter(today),
                "customerSince",
                "must not be in the future, was " + contact.customerSince());
        Instant now = clock.instant();
        Contact registered = new Contact(new ContactState(
                tenant,
                id,
                0,
                contact.name(),
                contact.details(),
                contact.contactPoints(),
                contact.tags(),
                contact.customFields(),
                contact.owner(),
                contact.territory(),
                contact.customerSince(),
                List.of(),
                List.of(),
                now,
                contact.externalRefs()));
        registered.record(new ContactRegistered(tenant, id.value(), now, contact.name(), contact.owner()));
        return registered;
    }

    /** Rebuilds a stored contact; records no event. */
    public static Contact restore(ContactState state) {
        return new Contact(Require.notNull(state, "state"));
    }

    public ContactState state() {
        return new ContactState(
                tenant(),
                id(),
                version(),
                name,
                details,
                contactPoints(),
                tags(),
                customFields(),
                owner(),
                territoryOrNull(),
                customerSinceOrNull(),
                consents,
                affiliations,
                registeredAt(),
                externalRefs());
    }

    @Override
    void recordChange(PartyChange change, Instant at) {
        record(new ContactChanged(tenant(), id().value(), at, change));
    }

    public void rename(PersonName newName, Clock clock) {
        Require.notNull(newName, "name");
        Require.notNull(clock, "clock");
        if (!newName.equals(name)) {
            name = newName;
            recordChange(PartyChange.NAME, clock.instant());
        }
    }

    /** Replaces the personal details; refuses a birthday in the future. */
    public void changeDetails(ContactDetails newDetails, Clock clock) {
        Require.notNull(newDetails, "details");
        Require.notNull(clock, "clock");
        requireBirthdayNotInFuture(newDetails, clock);
        if (!newDetails.equals(details)) {
            details = newDetails;
            recordChange(PartyChange.DETAILS, clock.instant());
        }
    }

    /**
     * Brings the contact in line with what another system sends for it (an upsert by external reference): the name and personal details
     * replaced, and the rest as for every party: the owner replaced, the territory and customer-since date replaced
     * when given, the contact points, tags, custom fields and external references given added or set, those the contact
     * has besides kept. Records an event per changed field and returns the fields' names (names of the
     * {@code NewContact} components, e.g. {@code name}, {@code emails}); none when nothing changed.
     */
    public List<String> syncWith(NewContact contact, Clock clock) {
        Require.notNull(contact, "contact");
        Require.notNull(clock, "clock");
        List<String> changed = new ArrayList<>();
        if (!contact.name().equals(name)) {
            rename(contact.name(), clock);
            changed.add("name");
        }
        if (!contact.details().equals(details)) {
            changeDetails(contact.details(), clock);
            changed.add("details");
        }
        changed.addAll(syncShared(
                contact.contactPoints(),
                contact.tags(),
                contact.customFields(),
                contact.owner(),
                contact.territory(),
                contact.customerSince(),
                contact.externalRefs(),
                clock));
        return changed;
    }

    /** Records that the contact agreed to be contacted on the channel for the purpose, stamped with the clock's time. */
    public void grantConsent(ConsentChannel channel, ConsentPurpose purpose, String source, Clock clock) {
        Consent consent = consent(channel, purpose, ConsentStatus.GRANTED, source, clock);
        record(new ConsentGranted(tenant(), id().value(), consent.recordedAt(), channel, purpose, consent.source()));
    }

    /**
     * Records that the contact withdrew consent on the channel for the purpose. Allowed without an earlier grant, so
     * that an opt-out is kept even for a contact who never opted in.
     */
    public void withdrawConsent(ConsentChannel channel, ConsentPurpose purpose, String source, Clock clock) {
        Consent consent = consent(channel, purpose, ConsentStatus.WITHDRAWN, source, clock);
        record(new ConsentWithdrawn(tenant(), id().value(), consent.recordedAt(), channel, purpose, consent.source()));
    }

    private Consent consent(
            ConsentChannel channel, ConsentPurpose purpose, ConsentStatus status, String source, Clock clock) {
        Require.notNull(clock, "clock");
        Consent consent = new Consent(channel, purpose, status, source, clock.instant());
        consents.add(consent);
        return consent;
    }

    /** The most recently recorded consent decision for the channel and purpose, if any. */
    public Optional<Consent> latestConsent(ConsentChannel channel, ConsentPurpose purpose) {
        Require.notNull(channel, "channel");
        Require.notNull(purpose, "purpose");
        for (int i = consents.size() - 1; i >= 0; i--) {
            if (consents.get(i).isFor(channel, purpose)) {
                return Optional.of(consents.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the latest decision for the channel and purpose is a grant; false when none was ever recorded. */
    public boolean mayContact(ConsentChannel channel, ConsentPurpose purpose) {
        return latestConsent(channel, purpose).map(Consent::isGranted).orElse(false);
    }

    /**
     * Links the contact to an account in a role for a period ({@code to} null: open-ended). Refuses a period that
     * overlaps another link to the same account.
     */
    public void linkToAccount(AccountId account, String role, boolean decisionMaker, DateRange period, Clock clock) {
        Require.notNull(clock, "clock");
        Affiliation link = new Affiliation(account, role, decisionMaker, Require.notNull(period, "period"));
        for (Affiliation existing : affiliations) {
            if (existing.account().equals(account) && existing.period().overlaps(period)) {
                throw InvalidValueException.invalid(
                        "period",
                        period + " overlaps the existing link to account " + account + " over " + existing.period());
            }
        }
        affiliations.add(link);
        record(new ContactLinkedToAccount(
                tenant(), id().value(), clock.instant(), account, link.role(), decisionMaker, period));
    }

    /**
     * Ends the contact's link to the account that is current on {@code to}, so that it lasts up to and including
     * {@code to}. Refuses when no link to the account is current on that day.
     */
    public void endAccountLink(AccountId account, LocalDate to, Clock clock) {
        Require.notNull(account, "account");
        Require.notNull(to, "to");
        Require.notNull(clock, "clock");
        for (int i = 0; i < affiliations.size(); i++) {
            Affiliation link = affiliations.get(i);
            if (link.account().equals(account) && link.isCurrentOn(to)) {
                affiliations.set(
                        i,
                        new Affiliation(
                                account,
                                link.role(),
                                link.decisionMaker(),
                                link.period().endingOn(to)));
                record(new ContactAccountLinkEnded(tenant(), id().value(), clock.instant(), account, to));
                return;
            }
        }
        throw InvalidValueException.invalid(
                "account", "contact " + id() + " has no link to account " + account + " on " + to);
    }

    /** The accounts the contact works at on the given day, in the order they were linked. */
    public List<AccountId> accountsOn(LocalDate date) {
        Require.notNull(date, "date");
        return affiliations.stream()
                .filter(link -> link.isCurrentOn(date))
                .map(Affiliation::account)
                .distinct()
                .toList();
    }

    public PersonName name() {
        return name;
    }

    public ContactDetails details() {
        return details;
    }

    /** The whole consent history, oldest first. */
    public List<Consent> consents() {
        return List.copyOf(consents);
    }

    /** Every link to an account, past, current and future, in the order they were made. */
    public List<Affiliation> affiliations() {
        return List.copyOf(affiliations);
    }

    private static void requireBirthdayNotInFuture(ContactDetails details, Clock clock) {
        LocalDate birthday = details.birthday();
        Require.that(
                birthday == null || !birthday.isAfter(LocalDate.now(clock)),
                "birthday",
                "must not be in the future, was " + birthday);
    }
}
