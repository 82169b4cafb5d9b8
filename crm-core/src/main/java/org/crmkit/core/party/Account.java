package org.crmkit.core.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * An organisation the business deals with. Besides what every {@link Party} has, an account has a name,
 * descriptive details, date-ranged links to a parent account (it is a subsidiary of) and a credit hold flag.
 *
 * <p>An account never is its own parent; deeper cycles involve other accounts, so the use case that sets a parent
 * refuses them. Not thread-safe; load, change and save within one use case.
 */
public final class Account extends Party<AccountId> {

    private String name;
    private AccountDetails details;
    private final List<ParentLink> parents;
    private CreditHold creditHold;

    private Account(AccountState state) {
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
        this.name = validName(state.name());
        this.details = Require.notNull(state.details(), "details");
        this.parents = new ArrayList<>(state.parents());
        this.creditHold = state.creditHold();
    }

    /** Registers a new account (version 0) and records {@link AccountRegistered}. */
    public static Account register(TenantId tenant, AccountId id, NewAccount account, Clock clock) {
        Require.notNull(account, "account");
        Require.notNull(clock, "clock");
        Require.that(
                account.customerSince() == null || !account.customerSince().isAfter(LocalDate.now(clock)),
                "customerSince",
                "must not be in the future, was " + account.customerSince());
        Instant now = clock.instant();
        Account registered = new Account(new AccountState(
                tenant,
                id,
                0,
                account.name(),
                account.details(),
                account.contactPoints(),
                account.tags(),
                account.customFields(),
                account.owner(),
                account.territory(),
                account.customerSince(),
                List.of(),
                null,
                now,
                account.externalRefs()));
        registered.record(new AccountRegistered(tenant, id.value(), now, account.name(), account.owner()));
        return registered;
    }

    /** Rebuilds a stored account; records no event. */
    public static Account restore(AccountState state) {
        return new Account(Require.notNull(state, "state"));
    }

    public AccountState state() {
        return new AccountState(
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
                parents,
                creditHold,
                registeredAt(),
                externalRefs());
    }

    /** The trimmed name; refuses blank names and names over 200 characters, naming the field {@code name}. */
    static String validName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 200, "name");
    }

    /** The form names are compared in: trimmed, inner whitespace collapsed, lower case. */
    public static String normalizeName(String name) {
        return Require.notBlank(name, "name").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    void recordChange(PartyChange change, Instant at) {
        record(new AccountChanged(tenant(), id().value(), at, change));
    }

    public void rename(String newName, Clock clock) {
        String valid = validName(newName);
        Require.notNull(clock, "clock");
        if (!valid.equals(name)) {
            name = valid;
            recordChange(PartyChange.NAME, clock.instant());
        }
    }

    public void changeDetails(AccountDetails newDetails, Clock clock) {
        Require.notNull(newDetails, "details");
        Require.notNull(clock, "clock");
        if (!newDetails.equals(details)) {
            details = newDetails;
            recordChange(PartyChange.DETAILS, clock.instant());
        }
    }

    /**
     * Brings the account in line with what another system sends for it (an upsert by external reference): the name and details
     * replaced, and the rest as for every party: the owner replaced, the territory and customer-since date replaced
     * when given, the contact points, tags, custom fields and external references given added or set, those the account
     * has besides kept. Records an event per changed field and returns the fields' names (names of the
     * {@code NewAccount} components, e.g. {@code name}, {@code emails}); none when nothing changed.
     */
    public List<String> syncWith(NewAccount account, Clock clock) {
        Require.notNull(account, "account");
        Require.notNull(clock, "clock");
        List<String> changed = new ArrayList<>();
        if (!validName(account.name()).equals(name)) {
            rename(account.name(), clock);
            changed.add("name");
        }
        if (!account.details().equals(details)) {
            changeDetails(account.details(), clock);
            changed.add("details");
        }
        changed.addAll(syncShared(
                account.contactPoints(),
                account.tags(),
                account.customFields(),
                account.owner(),
                account.territory(),
                account.customerSince(),
                account.externalRefs(),
                clock));
        return changed;
    }

    /**
     * Makes this account a subsidiary of {@code parent} from {@code from} on. A current parent link ends the day
     * before. Refuses the account itself, the parent it already has, and a start that is not after the start of
     * the latest link.
     */
    public void setParent(AccountId parent, LocalDate from, Clock clock) {
        Require.notNull(parent, "parent");
        Require.notNull(from, "from");
        Require.notNull(clock, "clock");
        Require.that(!parent.equals(id()), "parent", "an account cannot be its own parent");
        if (!parents.isEmpty()) {
            ParentLink latest = parents.get(parents.size() - 1);
            Require.that(
                    from.isAfter(latest.period().from()),
                    "from",
                    "must be after " + latest.period().from() + ", the start of the latest parent link, was " + from);
            if (latest.period().isOpen()) {
                Require.that(!latest.parent().equals(parent), "parent", "account " + parent + " is already the parent");
                parents.set(
                        parents.size() - 1,
                        new ParentLink(latest.parent(), latest.period().endingOn(from.minusDays(1))));
            }
        }
        parents.add(new ParentLink(parent, DateRange.from(from)));
        record(new AccountParentChanged(tenant(), id().value(), clock.instant(), parent, from));
    }

    /** Ends the current parent link so that from {@code from} on the account has no parent. */
    public void removeParent(LocalDate from, Clock clock) {
        Require.notNull(from, "from");
        Require.notNull(clock, "clock");
        ParentLink latest = parents.isEmpty() ? null : parents.get(parents.size() - 1);
        if (latest == null
                || !latest.period().isOpen()
                || !from.isAfter(latest.period().from())) {
            throw InvalidValueException.invalid(
                    "from", "account " + id() + " has no parent link that started before " + from);
        }
        parents.set(
                parents.size() - 1,
                new ParentLink(latest.parent(), latest.period().endingOn(from.minusDays(1))));
        record(new AccountParentChanged(tenant(), id().value(), clock.instant(), null, from));
    }

    /** The parent on the given day, if the account was a subsidiary then. */
    public Optional<AccountId> parentOn(LocalDate date) {
        Require.notNull(date, "date");
        return parents.stream()
                .filter(link -> link.period().contains(date))
                .map(ParentLink::parent)
                .findFirst();
    }

    /** Puts the account on credit hold; refuses an account that is on hold already. */
    public void placeOnCreditHold(String reason, Clock clock) {
        Require.notNull(clock, "clock");
        CreditHold hold = new CreditHold(reason, clock.instant());
        if (creditHold != null) {
            throw new IllegalTransitionException(
                    "Account " + id() + " is already on credit hold since " + creditHold.since());
        }
        creditHold = hold;
        record(new AccountCreditHoldPlaced(tenant(), id().value(), hold.since(), hold.reason()));
    }

    /** Lifts the credit hold; refuses an account that is not on hold. */
    public void releaseCreditHold(Clock clock) {
        Require.notNull(clock, "clock");
        if (creditHold == null) {
            throw new IllegalTransitionException("Account " + id() + " is not on credit hold");
        }
        creditHold = null;
        record(new AccountCreditHoldReleased(tenant(), id().value(), clock.instant()));
    }

    public String name() {
        return name;
    }

    public AccountDetails details() {
        return details;
    }

    /** Every parent link, oldest first. */
    public List<ParentLink> parents() {
        return List.copyOf(parents);
    }

    public boolean isOnCreditHold() {
        return creditHold != null;
    }

    public Optional<CreditHold> creditHold() {
        return Optional.ofNullable(creditHold);
    }
}
