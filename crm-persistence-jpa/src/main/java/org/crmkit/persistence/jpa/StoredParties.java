package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.Party;
import org.crmkit.core.score.CustomerScore;

/**
 * What the contact and the account repository share: lookups by email (normalised), phone (E.164) and external
 * reference through the lookup keys {@code <party>.email} and {@code <party>.phone} that {@link #contactPointKeys}
 * writes and {@code <party>.externalRef} ({@link LookupKey#externalRefs}), and the parties
 * of an owner in name order. {@code P} is the party (contact or account).
 */
final class StoredParties<P extends Party<?>> {

    /** How many rows a segment query reads at a time when it tests the rule on them. */
    static final int CHUNK = 500;

    private final StoredAggregates<P, ?, ?> stored;
    private final String emailKey;
    private final String phoneKey;
    private final String externalRefKey;
    private final String nameOrder;

    /** {@code party} names the lookup keys ({@code "contact"}: {@code contact.email}, {@code contact.phone}). */
    StoredParties(StoredAggregates<P, ?, ?> stored, String party, String nameOrder) {
        this.stored = stored;
        this.emailKey = emailKey(party);
        this.phoneKey = phoneKey(party);
        this.externalRefKey = LookupKey.externalRefName(party);
        this.nameOrder = nameOrder;
    }

    static String emailKey(String party) {
        return party + ".email";
    }

    static String phoneKey(String party) {
        return party + ".phone";
    }

    /** The lookup keys of the party's contact points: every email in normal form, every phone in E.164. */
    static List<LookupKey> contactPointKeys(String party, ContactPoints points) {
        List<LookupKey> keys = new ArrayList<>();
        points.emails()
                .forEach(email ->
                        keys.add(LookupKey.of(emailKey(party), email.value().normalized())));
        points.phones().stream()
                .map(ContactPoint::value)
                .forEach(phone -> keys.add(LookupKey.of(phoneKey(party), phone.e164())));
        return keys;
    }

    List<P> withEmail(TenantId tenant, EmailAddress email) {
        return stored.listWithKey(
                tenant, emailKey, Require.notNull(email, "email").normalized());
    }

    Optional<P> withExternalRef(TenantId tenant, ExternalRef ref) {
        return stored.listWithKey(tenant, externalRefKey, Require.notNull(ref, "externalRef")).stream()
                .findFirst();
    }

    List<P> withPhone(TenantId tenant, PhoneNumber phone) {
        return stored.listWithKey(
                tenant, phoneKey, Require.notNull(phone, "phone").e164());
    }

    /** The parties with one of the emails (normalised), each once. */
    List<P> withEmails(TenantId tenant, Collection<EmailAddress> emails) {
        return stored.listWithKeys(
                tenant,
                emailKey,
                Require.noNulls(emails, "emails").stream()
                        .map(EmailAddress::normalized)
                        .toList());
    }

    /** The parties with one of the phones (E.164), each once. */
    List<P> withPhones(TenantId tenant, Collection<PhoneNumber> phones) {
        return stored.listWithKeys(
                tenant,
                phoneKey,
                Require.noNulls(phones, "phones").stream()
                        .map(PhoneNumber::e164)
                        .toList());
    }

    /** The parties with one of the external references, each once. */
    List<P> withExternalRefs(TenantId tenant, Collection<ExternalRef> refs) {
        return stored.listWithKeys(tenant, externalRefKey, Require.noNulls(refs, "externalRefs"));
    }

    Page<P> ownedBy(TenantId tenant, UserId owner, PageRequest page) {
        return inNameOrder(
                tenant,
                RowQuery.where("r.ownerId = :owner")
                        .bind("owner", Require.notNull(owner, "owner").value()),
                page);
    }

    Page<P> inNameOrder(TenantId tenant, RowQuery query, PageRequest page) {
        return stored.page(tenant, query.orderBy(nameOrder), page);
    }

    /**
     * At most {@code limit} of the tenant's parties with an id after {@code after} (null: from the first) that meet
     * the rule, by id: the rows the rule's {@link SegmentCondition} selects, in id order, the rule tested on each when
     * the condition is not exact (read in chunks of at least {@value #CHUNK} rows until the page is full), with the
     * party's score ({@code scoreOf}, asked only when the rule reads scores).
     */
    List<P> matchingAfter(
            TenantId tenant,
            SegmentRule rule,
            EntityId after,
            int limit,
            String tagKey,
            RecordType customerType,
            Function<P, CustomerScore> scoreOf) {
        Require.notNull(tenant, "tenant");
        Require.notNull(rule, "rule");
        Require.positive(limit, "limit");
        SegmentCondition condition = SegmentCondition.of(rule, tagKey, customerType);
        if (condition.exact()) {
            return stored.first(tenant, condition.after(after), limit);
        }
        int chunk = Math.max(limit, CHUNK);
        List<P> matches = new ArrayList<>(limit);
        EntityId cursor = after;
        while (true) {
            List<P> rows = stored.first(tenant, condition.after(cursor), chunk);
            for (P party : rows) {
                if (matches.size() < limit && rule.matches(party, rule.readsScores() ? scoreOf.apply(party) : null)) {
                    matches.add(party);
                }
            }
            if (matches.size() == limit || rows.size() < chunk) {
                return matches;
            }
            cursor = rows.get(rows.size() - 1).id();
        }
    }
}
