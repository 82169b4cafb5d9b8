package org.crmkit.core.marketing;

import java.util.Set;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.Party;
import org.crmkit.core.party.Tags;

/** One condition a contact or an account must meet to be in a segment. */
public sealed interface SegmentCriterion {

    boolean matches(Party<?> party);

    /** The party has every one of the tags (compared in normal form). */
    record HasTags(Set<String> tags) implements SegmentCriterion {
        public HasTags {
            tags = new Tags(Set.copyOf(Require.noNulls(tags, "tags"))).values();
            Require.that(!tags.isEmpty(), "tags", "must name at least one tag");
        }

        public static HasTags of(String... tags) {
            return new HasTags(Set.of(tags));
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.tags().hasAll(tags);
        }
    }

    /** How a custom field is compared with a value. */
    enum Comparison {
        /** Same value, see {@link CustomFieldValue#sameAs}. */
        EQUALS,
        /** Greater than the value; only numbers, dates and money in one currency compare. */
        GREATER_THAN,
        /** Less than the value; only numbers, dates and money in one currency compare. */
        LESS_THAN
    }

    /** The party's custom field compares with the value as asked; a party without the field never matches. */
    record CustomField(CustomFieldKey key, Comparison comparison, CustomFieldValue value) implements SegmentCriterion {
        public CustomField {
            Require.notNull(key, "customField.key");
            Require.notNull(comparison, "comparison");
            Require.notNull(value, "customField.value");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.customFields()
                    .get(key)
                    .map(stored -> switch (comparison) {
                        case EQUALS -> stored.sameAs(value);
                        case GREATER_THAN ->
                            stored.compareWith(value).map(order -> order > 0).orElse(false);
                        case LESS_THAN ->
                            stored.compareWith(value).map(order -> order < 0).orElse(false);
                    })
                    .orElse(false);
        }
    }

    /** The party is in the territory. */
    record InTerritory(TerritoryId territory) implements SegmentCriterion {
        public InTerritory {
            Require.notNull(territory, "territory");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.territory().map(territory::equals).orElse(false);
        }
    }

    /** The party is a contact whose latest consent for the channel and purpose is a grant; accounts never match. */
    record HasConsent(ConsentChannel channel, ConsentPurpose purpose) implements SegmentCriterion {
        public HasConsent {
            Require.notNull(channel, "channel");
            Require.notNull(purpose, "purpose");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party instanceof Contact contact && contact.mayContact(channel, purpose);
        }
    }

    /** The party is owned by the user. */
    record OwnedBy(UserId owner) implements SegmentCriterion {
        public OwnedBy {
            Require.notNull(owner, "owner");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.owner().equals(owner);
        }
    }

    /** A nested rule, e.g. "tagged VIP and (in territory North or in territory South)". */
    record Nested(SegmentRule rule) implements SegmentCriterion {
        public Nested {
            Require.notNull(rule, "rule");
        }

        @Override
        public boolean matches(Party<?> party) {
            return rule.matches(party);
        }
    }
}
