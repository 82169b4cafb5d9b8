package org.crmkit.core.access;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;

/**
 * A sales territory: ordered rules on country, region, postcode prefix and industry, a priority (lower comes
 * first when several territories match) and the users who work it. A party is in the territory when at least
 * one rule holds for it. Not thread-safe.
 */
public final class Territory extends AggregateRoot<TerritoryId> {

    private String name;
    private int priority;
    private List<TerritoryRule> rules;
    private final Set<UserId> members;

    private Territory(TerritoryState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = validName(state.name());
        this.priority = Require.notNegative(state.priority(), "priority");
        this.rules = validRules(state.rules());
        this.members = new HashSet<>(state.members());
    }

    /** Defines a territory without members and records {@link TerritoryDefined}. Needs at least one rule. */
    public static Territory define(
            TenantId tenant, TerritoryId id, String name, int priority, List<TerritoryRule> rules, Clock clock) {
        Require.notNull(clock, "clock");
        Territory territory = new Territory(
                new TerritoryState(tenant, id, 0, validName(name), priority, validRules(rules), Set.of()));
        territory.record(new TerritoryDefined(tenant, id.value(), clock.instant(), territory.name, priority));
        return territory;
    }

    public static Territory restore(TerritoryState state) {
        return new Territory(Require.notNull(state, "state"));
    }

    public TerritoryState state() {
        return new TerritoryState(tenant(), id(), version(), name, priority, rules, members);
    }

    private static String validName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 200, "name");
    }

    private static List<TerritoryRule> validRules(List<TerritoryRule> rules) {
        List<TerritoryRule> copy = Require.noNulls(rules, "rules");
        Require.that(!copy.isEmpty(), "rules", "must contain at least one rule");
        return copy;
    }

    /** Changes name, priority and rules at once. */
    public void redefine(String newName, int newPriority, List<TerritoryRule> newRules, Clock clock) {
        String validName = validName(newName);
        Require.notNegative(newPriority, "priority");
        List<TerritoryRule> validRules = validRules(newRules);
        Require.notNull(clock, "clock");
        name = validName;
        priority = newPriority;
        rules = validRules;
        record(new TerritoryChanged(tenant(), id().value(), clock.instant(), name, priority, rules));
    }

    public void addMember(UserId user, Clock clock) {
        Require.notNull(user, "user");
        Require.notNull(clock, "clock");
        if (!members.add(user)) {
            throw InvalidValueException.invalid("user", "user " + user + " is already a member of territory " + name);
        }
        record(new TerritoryMemberAdded(tenant(), id().value(), clock.instant(), user));
    }

    public void removeMember(UserId user, Clock clock) {
        Require.notNull(user, "user");
        Require.notNull(clock, "clock");
        if (!members.remove(user)) {
            throw InvalidValueException.invalid("user", "user " + user + " is not a member of territory " + name);
        }
        record(new TerritoryMemberRemoved(tenant(), id().value(), clock.instant(), user));
    }

    /** The first rule, in order, that holds for the place and industry; arguments may be null when unknown. */
    public Optional<TerritoryRule> matchingRule(CountryCode country, String region, String postcode, String industry) {
        return rules.stream()
                .filter(rule -> rule.matches(country, region, postcode, industry))
                .findFirst();
    }

    public boolean matches(CountryCode country, String region, String postcode, String industry) {
        return matchingRule(country, region, postcode, industry).isPresent();
    }

    /** Whether the account is in the territory, judged by its primary address and its industry. */
    public boolean matches(Account account) {
        Require.notNull(account, "account");
        Optional<PostalAddress> address = account.contactPoints().primaryAddress();
        return matches(
                address.map(PostalAddress::country).orElse(null),
                address.map(PostalAddress::region).orElse(null),
                address.map(PostalAddress::postalCode).orElse(null),
                account.details().industry());
    }

    public String name() {
        return name;
    }

    /** Lower comes first; 0 is the highest priority. */
    public int priority() {
        return priority;
    }

    public List<TerritoryRule> rules() {
        return rules;
    }

    public Set<UserId> members() {
        return Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }
}
