package org.crmkit.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * What a user's device receives, as data: the accounts of some territories, the records the user owns, those of the
 * owners of its teams (as crmkit's sharing model sees teams and their leads), accounts by rule, and with each account
 * of the slice the {@link RelatedRecords} hanging off it. A record is in the slice when any part takes it. The host
 * keeps it (per user, per device) and hands it to {@code crm.sync()}; {@code crm.sync().defaultSubscription(user)} is
 * the user's territories. Immutable.
 */
public record Subscription(
        UserId user,
        Set<TerritoryId> territories,
        boolean ownRecords,
        boolean teamRecords,
        List<AccountRule> accountRules,
        RelatedRecords related) {

    public Subscription {
        Require.notNull(user, "user");
        territories = Set.copyOf(Require.noNulls(territories, "territories"));
        accountRules = Require.noNulls(accountRules, "accountRules");
        Require.notNull(related, "related");
    }

    /** The accounts of the territories with the standard related records. */
    public static Subscription ofTerritories(UserId user, Set<TerritoryId> territories) {
        return new Subscription(user, territories, false, false, List.of(), RelatedRecords.standard());
    }

    /** This subscription with the records the user owns (or is assigned) too. */
    public Subscription withOwnRecords() {
        return new Subscription(user, territories, true, teamRecords, accountRules, related);
    }

    /** This subscription with the records of the owners in the user's teams (and the teams it leads) too. */
    public Subscription withTeamRecords() {
        return new Subscription(user, territories, ownRecords, true, accountRules, related);
    }

    /** This subscription with the accounts the rule takes too. */
    public Subscription withAccountRule(AccountRule rule) {
        List<AccountRule> rules = new ArrayList<>(accountRules);
        rules.add(Require.notNull(rule, "rule"));
        return new Subscription(user, territories, ownRecords, teamRecords, rules, related);
    }

    /** This subscription with other related records per account. */
    public Subscription withRelated(RelatedRecords newRelated) {
        return new Subscription(user, territories, ownRecords, teamRecords, accountRules, newRelated);
    }
}
