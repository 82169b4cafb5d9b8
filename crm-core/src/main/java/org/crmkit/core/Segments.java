package org.crmkit.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.Party;
import org.crmkit.core.score.CustomerScore;

/**
 * Use cases of segments: define and change them, and evaluate a saved segment against the stored contacts or
 * accounts of the calling tenant. The storage evaluates the rule ({@code findMatchingAfter} of the contact and account
 * repositories), narrowing by its indexes where the rule names tags, an owner or a territory (the JPA adapter also by
 * the customer score table where the rule names a tier, an RFM segment, a lifetime value or a churn risk), a keyset
 * page at a time; the rule is tested again on the records as the acting user reads them, with each one's score when
 * the rule reads scores.
 * Thread-safe.
 */
public final class Segments {

    private static final int CHUNK = 500;

    private final UseCases useCases;

    Segments(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Defines a segment owned by the acting user (by none when the system actor defines it). */
    public Segment define(String name, SegmentAudience audience, SegmentRule rule) {
        Segment segment = Segment.define(
                useCases.tenant(),
                SegmentId.next(useCases.ids),
                name,
                audience,
                rule,
                useCases.actingUser().map(User::id).orElse(null),
                useCases.clock);
        return useCases.save(segment, useCases.storage.segments()::save);
    }

    public Segment rename(SegmentId segment, String name) {
        return change(segment, s -> s.rename(name, useCases.clock));
    }

    public Segment changeRule(SegmentId segment, SegmentRule rule) {
        return change(segment, s -> s.changeRule(rule, useCases.clock));
    }

    public Segment segment(SegmentId segment) {
        Require.notNull(segment, "segmentId");
        return Reads.found(useCases.segments().findById(useCases.tenant(), segment), "Segment", segment);
    }

    /** All segments the acting user may read, by name. */
    public Page<Segment> segments(PageRequest page) {
        return useCases.segments().findAll(useCases.tenant(), Require.notNull(page, "page"));
    }

    /**
     * The contacts that meet the segment's rule now, in id order, as pages with a total: every call reads the whole
     * segment (through the storage, see {@link #contactsIn(SegmentId, ContactId, int)}), so it costs time in proportion
     * to the segment; walk a large segment with the keyset form instead. Refuses a segment of accounts.
     */
    public Page<Contact> contactsIn(SegmentId segmentId, PageRequest page) {
        Require.notNull(page, "page");
        return Page.of(everyMatch(segmentId, SegmentAudience.CONTACTS, this::contacts, Contact::id), page);
    }

    /**
     * At most {@code limit} (1..1,000) contacts that meet the segment's rule now with an id after {@code after} (null:
     * from the first), by id: a keyset page, the last contact's id asks for the next one; fewer than {@code limit}
     * means the segment ends. The storage evaluates the rule (see {@link
     * org.crmkit.core.spi.ContactRepository#findMatchingAfter}), so a page reads about as many contacts as it holds
     * when the rule names tags, an owner or a territory. Only contacts the acting user may see are counted, and a
     * criterion on a custom field the user may not read matches nothing, as when testing the rule on what the user
     * reads. Refuses a segment of accounts.
     */
    public List<Contact> contactsIn(SegmentId segmentId, ContactId after, int limit) {
        Segment segment = segmentOf(segmentId, SegmentAudience.CONTACTS, limit);
        return matchingAfter(segment, after, limit, this::contacts, Contact::id);
    }

    /** As {@link #contactsIn(SegmentId, PageRequest)}, for a segment of accounts; refuses a segment of contacts. */
    public Page<Account> accountsIn(SegmentId segmentId, PageRequest page) {
        Require.notNull(page, "page");
        return Page.of(everyMatch(segmentId, SegmentAudience.ACCOUNTS, this::accounts, Account::id), page);
    }

    /** As {@link #contactsIn(SegmentId, ContactId, int)}, for a segment of accounts; refuses a segment of contacts. */
    public List<Account> accountsIn(SegmentId segmentId, AccountId after, int limit) {
        Segment segment = segmentOf(segmentId, SegmentAudience.ACCOUNTS, limit);
        return matchingAfter(segment, after, limit, this::accounts, Account::id);
    }

    private List<Contact> contacts(SegmentRule rule, ContactId after, int limit) {
        return useCases.contacts().findMatchingAfter(useCases.tenant(), rule, after, limit);
    }

    private List<Account> accounts(SegmentRule rule, AccountId after, int limit) {
        return useCases.accounts().findMatchingAfter(useCases.tenant(), rule, after, limit);
    }

    /** One storage query of a segment's matches after a cursor. */
    @FunctionalInterface
    private interface MatchQuery<P, I> {
        List<P> after(SegmentRule rule, I after, int limit);
    }

    private Segment segmentOf(SegmentId segmentId, SegmentAudience audience, int limit) {
        Require.that(limit >= 1 && limit <= PageRequest.MAX_SIZE, "limit", "must be 1 to 1000, was " + limit);
        Segment segment = segment(segmentId);
        requireAudience(segment, audience);
        return segment;
    }

    private <P extends Party<I>, I extends EntityId> List<P> everyMatch(
            SegmentId segmentId, SegmentAudience audience, MatchQuery<P, I> query, Function<P, I> id) {
        Segment segment = segmentOf(segmentId, audience, CHUNK);
        List<P> matches = new ArrayList<>();
        I after = null;
        while (true) {
            List<P> chunk = matchingAfter(segment, after, CHUNK, query, id);
            matches.addAll(chunk);
            if (chunk.size() < CHUNK) {
                return matches;
            }
            after = id.apply(chunk.get(chunk.size() - 1));
        }
    }

    /**
     * The storage's matches after the cursor, tested again on the records as the acting user reads them (without
     * the fields it may not read), asking for more while a test drops some.
     */
    private <P extends Party<I>, I extends EntityId> List<P> matchingAfter(
            Segment segment, I after, int limit, MatchQuery<P, I> query, Function<P, I> id) {
        List<P> matches = new ArrayList<>(limit);
        I cursor = after;
        while (true) {
            List<P> found = query.after(segment.rule(), cursor, limit);
            Map<RecordRef, CustomerScore> scores = scoresOf(segment.rule(), found);
            found.stream()
                    .filter(party -> segment.rule().matches(party, scores.get(customer(party))))
                    .limit(limit - matches.size())
                    .forEach(matches::add);
            if (matches.size() == limit || found.size() < limit) {
                return matches;
            }
            cursor = id.apply(found.get(found.size() - 1));
        }
    }

    /** The parties' own customer scores, read together, when the rule reads scores; none otherwise. */
    private Map<RecordRef, CustomerScore> scoresOf(SegmentRule rule, List<? extends Party<?>> parties) {
        if (!rule.readsScores() || parties.isEmpty()) {
            return Map.of();
        }
        Map<RecordRef, CustomerScore> scores = new HashMap<>();
        useCases.storage
                .customerScores()
                .findAmong(
                        useCases.tenant(),
                        parties.stream().map(Segments::customer).toList())
                .forEach(score -> scores.put(score.customer(), score));
        return scores;
    }

    private static RecordRef customer(Party<?> party) {
        return party instanceof Contact contact
                ? RecordRef.contact(contact.id())
                : RecordRef.account(((Account) party).id());
    }

    private static void requireAudience(Segment segment, SegmentAudience audience) {
        if (segment.audience() != audience) {
            throw InvalidValueException.invalid(
                    "segmentId", "segment " + segment.id() + " selects " + segment.audience() + ", not " + audience);
        }
    }

    private Segment change(SegmentId id, Consumer<Segment> change) {
        return useCases.write(() -> {
            Segment segment = segment(id);
            change.accept(segment);
            return useCases.save(segment, useCases.storage.segments()::save);
        });
    }
}
