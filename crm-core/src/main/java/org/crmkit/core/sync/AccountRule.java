package org.crmkit.core.sync;

import java.util.Optional;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Tags;

/**
 * Accounts a subscription takes by their data: where they are and their industry (a {@link TerritoryRule}, judged as a
 * territory judges an account: by its primary address and industry) and a tag; each part that is set must hold.
 * Immutable.
 */
public record AccountRule(TerritoryRule place, String tag) {

    public AccountRule {
        tag = tag == null ? null : Tags.normalize(tag);
        Require.that(place != null || tag != null, "accountRule", "needs a place or a tag");
    }

    /** Accounts in the place (country, region, postcode prefix, industry) of the rule. */
    public static AccountRule in(TerritoryRule place) {
        return new AccountRule(Require.notNull(place, "place"), null);
    }

    /** Accounts with the tag. */
    public static AccountRule tagged(String tag) {
        return new AccountRule(null, Require.notBlank(tag, "tag"));
    }

    public boolean matches(Account account) {
        Optional<PostalAddress> address = account.contactPoints().primaryAddress();
        return (place == null
                        || place.matches(
                                address.map(PostalAddress::country).orElse(null),
                                address.map(PostalAddress::region).orElse(null),
                                address.map(PostalAddress::postalCode).orElse(null),
                                account.details().industry()))
                && (tag == null || account.tags().values().contains(tag));
    }
}
