package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.offer.OfferCondition;
import org.crmkit.core.offer.OfferRule;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.party.Contact;
import org.crmkit.core.score.CustomerScore;

/**
 * Chooses the offer for a contact by the calling tenant's {@link OfferRules}: greetings, campaigns and sequences
 * ask it for each message, and record the choice on it. Reads only; thread-safe.
 */
public final class Offers {

    private final UseCases useCases;
    private final Function<TenantId, OfferRules> rulesOfTenant;
    private final Scores scores;

    Offers(UseCases useCases, Function<TenantId, OfferRules> rulesOfTenant, Scores scores) {
        this.useCases = useCases;
        this.rulesOfTenant = rulesOfTenant;
        this.scores = scores;
    }

    /** The calling tenant's offer rules, highest priority first. */
    public OfferRules rules() {
        return Require.notNull(rulesOfTenant.apply(useCases.tenant()), "offerRules of tenant " + useCases.tenant());
    }

    /**
     * The offer for the contact on the occasion and the day: that of the first rule that covers the occasion, whose
     * condition the contact meets on the day and whose offer is valid on it; or none, with every rule's reason. The
     * contact's tier and RFM segment are those of {@link Scores#scoreForContact} (its own score, else its
     * account's); a rule on a segment that no longer exists does not apply and says so.
     *
     * @param occasion what the offer is for, e.g. {@code birthday}; not blank
     * @throws org.crmkit.core.common.RecordNotFoundException when the contact does not exist (or the acting user may
     *     not read it)
     */
    public OfferChoice choose(ContactId contactId, String occasion, LocalDate date) {
        Require.notNull(contactId, "contact");
        Require.notBlank(occasion, "occasion");
        Require.notNull(date, "date");
        Contact contact = Reads.found(useCases.contacts().findById(useCases.tenant(), contactId), "Contact", contactId);
        return choose(contact, occasion, date);
    }

    /** As {@link #choose(ContactId, String, LocalDate)} for a contact the caller has read. */
    public OfferChoice choose(Contact contact, String occasion, LocalDate date) {
        Require.notNull(contact, "contact");
        Require.notBlank(occasion, "occasion");
        Require.notNull(date, "date");
        Facts facts = new Facts(contact, date);
        List<String> reasons = new ArrayList<>();
        for (OfferRule rule : rules().rules()) {
            String quoted = "'" + rule.name() + "'";
            if (!rule.coversOccasion(occasion)) {
                reasons.add(quoted + " is not made on " + occasion);
                continue;
            }
            Optional<String> unmet = facts.unmet(rule.condition());
            if (unmet.isPresent()) {
                reasons.add(quoted + " is for " + rule.condition() + ": " + unmet.get());
                continue;
            }
            if (!rule.offer().isValidOn(date)) {
                reasons.add(quoted + " applies but its offer " + rule.offer().code() + " is not valid on " + date
                        + " (from " + orOpen(rule.offer().validFrom()) + " to "
                        + orOpen(rule.offer().validUntil())
                        + ")");
                continue;
            }
            reasons.add(quoted + " applies: " + rule.condition());
            return new OfferChoice(occasion, date, rule.offer(), rule.name(), reasons);
        }
        return new OfferChoice(occasion, date, null, null, reasons);
    }

    private static String orOpen(LocalDate day) {
        return day == null ? "any day" : day.toString();
    }

    /** What the conditions are checked against, each read at most once per choice. */
    private final class Facts {
        private final Contact contact;
        private final LocalDate date;
        private Optional<CustomerScore> score;

        Facts(Contact contact, LocalDate date) {
            this.contact = contact;
            this.date = date;
        }

        /** Why the contact does not meet the condition; empty when it does. */
        Optional<String> unmet(OfferCondition condition) {
            if (condition instanceof OfferCondition.Anyone) {
                return Optional.empty();
            }
            if (condition instanceof OfferCondition.InSegment inSegment) {
                return notInSegment(inSegment.segment());
            }
            Optional<CustomerScore> scored = score();
            if (scored.isEmpty()) {
                return Optional.of("the contact has no score (nor has an account it works at)");
            }
            if (condition instanceof OfferCondition.Tier tier) {
                return tier.tiers().contains(scored.get().tier())
                        ? Optional.empty()
                        : Optional.of("the contact's tier is " + scored.get().tier());
            }
            OfferCondition.RfmSegment rfm = (OfferCondition.RfmSegment) condition;
            return rfm.segments().contains(scored.get().rfmSegment())
                    ? Optional.empty()
                    : Optional.of("the contact's RFM segment is " + scored.get().rfmSegment());
        }

        private Optional<CustomerScore> score() {
            if (score == null) {
                score = scores.scoreForContact(contact, date);
            }
            return score;
        }

        private Optional<String> notInSegment(SegmentId segmentId) {
            Optional<Segment> found = useCases.storage.segments().findById(useCases.tenant(), segmentId);
            if (found.isEmpty()) {
                return Optional.of("the segment does not exist");
            }
            Segment segment = found.get();
            if (segment.audience() == SegmentAudience.CONTACTS) {
                return segment.rule().matches(contact, ownScore(segment, RecordRef.contact(contact.id())))
                        ? Optional.empty()
                        : Optional.of("the contact is not a member");
            }
            for (AccountId accountId : contact.accountsOn(date)) {
                if (useCases.accounts()
                        .findById(useCases.tenant(), accountId)
                        .map(account ->
                                segment.rule().matches(account, ownScore(segment, RecordRef.account(accountId))))
                        .orElse(false)) {
                    return Optional.empty();
                }
            }
            return Optional.of("no account the contact works at on " + date + " is a member");
        }

        /** The customer's own score when the segment's rule reads scores; null otherwise or when it has none. */
        private CustomerScore ownScore(Segment segment, RecordRef customer) {
            return segment.rule().readsScores()
                    ? useCases.storage
                            .customerScores()
                            .find(useCases.tenant(), customer)
                            .orElse(null)
                    : null;
        }
    }
}
