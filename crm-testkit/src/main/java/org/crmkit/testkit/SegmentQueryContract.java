package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentMatch;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.Party;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;
import org.junit.jupiter.api.Test;

/**
 * What {@code findMatchingAfter} of the contact and account repositories must answer: on random, seeded records
 * (owners, territories, tags, a numeric custom field, consents, shares, customer scores with and without a prediction,
 * in two currencies) and random rules (every criterion, those on scores too, "all of" and "any of", nested), exactly the records that testing the rule on every record in id order gives, keyset page by
 * keyset page, for the unrestricted repository and for a viewer's {@code visibleTo} view, and never another tenant's.
 * Extend it and supply the storage.
 */
public abstract class SegmentQueryContract extends VisibilityFixture {

    private static final long SEED = 20_261_207L;
    private static final int RECORDS = 240;
    private static final int RULES = 40;
    private static final List<String> TAGS = List.of("vip", "newsletter", "b2b", "trade-fair");
    private static final CustomFieldKey TIER = CustomFieldKey.of("tier");
    private static final List<String> RFM_SEGMENTS = List.of("champions", "at risk", "hibernating");
    private static final List<Double> RISKS = List.of(0.2, 0.5, 0.8);

    private final Random random = new Random(SEED);

    @Test
    void aSegmentsContactsAreThoseTheRuleMatchesPageByPage() {
        seed(this::randomContact, storage.contacts()::saveAll, contact -> RecordRef.contact(contact.id()));

        ContactRepository all = storage.contacts();
        ContactRepository visible = all.visibleTo(visibility);
        everyRuleFindsWhatTestingEveryRecordFinds(List.of(
                new Records<>(all::findMatchingAfter, all::findAllAfter, Contact::id),
                new Records<>(visible::findMatchingAfter, visible::findAllAfter, Contact::id)));
    }

    @Test
    void aSegmentsAccountsAreThoseTheRuleMatchesPageByPage() {
        seed(this::randomAccount, storage.accounts()::saveAll, account -> RecordRef.account(account.id()));

        AccountRepository all = storage.accounts();
        AccountRepository visible = all.visibleTo(visibility);
        everyRuleFindsWhatTestingEveryRecordFinds(List.of(
                new Records<>(all::findMatchingAfter, all::findAllAfter, Account::id),
                new Records<>(visible::findMatchingAfter, visible::findAllAfter, Account::id)));
    }

    @Test
    void aRuleOfTagsAndOwnerFindsOnlyItsOwnTenantsRecords() {
        Contact ours = randomContact(TENANT_A, 0);
        Contact theirs = randomContact(TENANT_B, 1);
        inTransaction(() -> storage.contacts().saveAll(List.of(ours)));
        inTransaction(() -> storage.contacts().saveAll(List.of(theirs)));
        SegmentRule everyOwner = SegmentRule.any(
                new SegmentCriterion.OwnedBy(ours.owner()), new SegmentCriterion.OwnedBy(theirs.owner()));

        assertThat(storage.contacts().findMatchingAfter(TENANT_B, everyOwner, null, 10))
                .extracting(Contact::id)
                .containsExactly(theirs.id());
        assertThat(storage.contacts().findMatchingAfter(TENANT_A, everyOwner, ours.id(), 10))
                .isEmpty();
    }

    private Contact randomContact(TenantId tenant, int i) {
        NewContact details = NewContact.of(PersonName.of("Ann" + i, "Segment" + i), randomOwner());
        for (String tag : randomTags()) {
            details = details.withTag(tag);
        }
        TerritoryId territory = randomTerritory();
        if (territory != null) {
            details = details.withTerritory(territory);
        }
        if (random.nextInt(4) > 0) {
            details = details.withCustomField(TIER, CustomFieldValue.number(1 + random.nextInt(5)));
        }
        Contact contact = Contact.register(tenant, ContactId.next(ids), details, clock);
        int consent = random.nextInt(3);
        if (consent > 0) {
            contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web form", clock);
        }
        if (consent == 2 && random.nextBoolean()) {
            contact.withdrawConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe link", clock);
        }
        return contact;
    }

    private Account randomAccount(TenantId tenant, int i) {
        NewAccount details = NewAccount.of("Segment Account " + i, randomOwner());
        for (String tag : randomTags()) {
            details = details.withTag(tag);
        }
        TerritoryId territory = randomTerritory();
        if (territory != null) {
            details = details.withTerritory(territory);
        }
        if (random.nextInt(4) > 0) {
            details = details.withCustomField(TIER, CustomFieldValue.number(1 + random.nextInt(5)));
        }
        return Account.register(tenant, AccountId.next(ids), details, clock);
    }

    /**
     * Stores {@value #RECORDS} random records of tenant A and two of tenant B, and shares every 17th of tenant A's with
     * the viewer or its team.
     */
    private <T> void seed(
            BiFunction<TenantId, Integer, T> randomRecord, UnaryOperator<List<T>> saveAll, Function<T, RecordRef> ref) {
        List<T> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(randomRecord.apply(TENANT_A, i));
        }
        inTransaction(() -> saveAll.apply(records));
        inTransaction(() -> saveAll.apply(List.of(randomRecord.apply(TENANT_B, 0), randomRecord.apply(TENANT_B, 1))));
        for (int i = 0; i < records.size(); i += 17) {
            share(ref.apply(records.get(i)), i % 2 == 0 ? viewer.id() : team.id());
        }
        for (T record : records) {
            if (random.nextInt(4) > 0) {
                CustomerScore score = randomScore(ref.apply(record));
                inTransaction(() -> {
                    storage.customerScores().save(TENANT_A, score);
                    return null;
                });
            }
        }
    }

    private CustomerScore randomScore(RecordRef customer) {
        String currency = random.nextInt(5) == 0 ? "USD" : "EUR";
        CustomerScore.Prediction prediction = random.nextInt(3) == 0
                ? null
                : new CustomerScore.Prediction(
                        Money.of(BigDecimal.valueOf(random.nextInt(100_000), 2), currency),
                        0.05 + 0.1 * random.nextInt(10),
                        Money.of(BigDecimal.valueOf(random.nextInt(10_000), 2), currency));
        return new CustomerScore(
                customer,
                LocalDate.now(clock),
                CustomerTier.values()[random.nextInt(CustomerTier.values().length)],
                Money.of(BigDecimal.valueOf(random.nextInt(20_000) - 5_000, 2), currency),
                RFM_SEGMENTS.get(random.nextInt(RFM_SEGMENTS.size())),
                prediction);
    }

    private CustomerScore scoreOf(Party<?> party) {
        RecordRef customer = party instanceof Contact contact
                ? RecordRef.contact(contact.id())
                : RecordRef.account(((Account) party).id());
        return storage.customerScores().find(TENANT_A, customer).orElse(null);
    }

    private UserId randomOwner() {
        List<UserId> owners = List.of(viewer.id(), mate.id(), stranger);
        return owners.get(random.nextInt(owners.size()));
    }

    private TerritoryId randomTerritory() {
        int pick = random.nextInt(3);
        return pick == 0 ? null : pick == 1 ? viewersTerritory : otherTerritory;
    }

    private List<String> randomTags() {
        return TAGS.stream().filter(tag -> random.nextInt(3) == 0).toList();
    }

    private SegmentRule randomRule(int depth) {
        List<SegmentCriterion> criteria = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            criteria.add(randomCriterion(depth));
        }
        return new SegmentRule(random.nextBoolean() ? SegmentMatch.ALL : SegmentMatch.ANY, criteria);
    }

    private SegmentCriterion randomCriterion(int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 9)) {
            case 0 -> {
                int from = random.nextInt(3);
                yield new SegmentCriterion.HasTags(Set.copyOf(TAGS.subList(from, from + 1 + random.nextInt(2))));
            }
            case 1 -> new SegmentCriterion.OwnedBy(randomOwner());
            case 2 -> new SegmentCriterion.InTerritory(random.nextBoolean() ? viewersTerritory : otherTerritory);
            case 3 -> new SegmentCriterion.HasConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING);
            case 4 ->
                new SegmentCriterion.CustomField(
                        TIER,
                        SegmentCriterion.Comparison.values()[random.nextInt(3)],
                        CustomFieldValue.number(1 + random.nextInt(5)));
            case 5 -> new SegmentCriterion.InTier(CustomerTier.values()[random.nextInt(CustomerTier.values().length)]);
            case 6 -> new SegmentCriterion.InRfmSegment(RFM_SEGMENTS.get(random.nextInt(RFM_SEGMENTS.size())));
            case 7 ->
                new SegmentCriterion.LifetimeValue(
                        random.nextBoolean()
                                ? SegmentCriterion.Comparison.GREATER_THAN
                                : SegmentCriterion.Comparison.LESS_THAN,
                        Money.of(BigDecimal.valueOf(100L * random.nextInt(10)), "EUR"));
            case 8 ->
                new SegmentCriterion.ChurnRisk(
                        random.nextBoolean()
                                ? SegmentCriterion.Comparison.GREATER_THAN
                                : SegmentCriterion.Comparison.LESS_THAN,
                        RISKS.get(random.nextInt(RISKS.size())));
            default -> new SegmentCriterion.Nested(randomRule(depth - 1));
        };
    }

    /** The keyset queries of one repository (or view) of contacts or accounts. */
    private record Records<P extends Party<I>, I extends EntityId>(
            MatchingAfter<P, I> matching, AllAfter<P, I> every, Function<P, I> id) {}

    @FunctionalInterface
    private interface MatchingAfter<P, I> {
        List<P> find(TenantId tenant, SegmentRule rule, I after, int limit);
    }

    @FunctionalInterface
    private interface AllAfter<P, I> {
        List<P> find(TenantId tenant, I after, int limit);
    }

    private <P extends Party<I>, I extends EntityId> void everyRuleFindsWhatTestingEveryRecordFinds(
            List<Records<P, I>> repositories) {
        for (int i = 0; i < RULES; i++) {
            SegmentRule rule = randomRule(2);
            int limit = 1 + random.nextInt(40);
            for (Records<P, I> records : repositories) {
                List<P> expected =
                        pages(after -> records.every().find(TENANT_A, after, 100), 100, records.id()).stream()
                                .filter(party -> rule.matches(party, scoreOf(party)))
                                .toList();
                List<P> found =
                        pages(after -> records.matching().find(TENANT_A, rule, after, limit), limit, records.id());
                assertThat(found.stream().map(Party::id).toList())
                        .as("records matching %s in pages of %d", rule, limit)
                        .containsExactlyElementsOf(
                                expected.stream().map(Party::id).toList());
            }
        }
    }

    /** Every record a keyset query answers, page after page, with the page's size asked for. */
    private static <T, I extends EntityId> List<T> pages(Function<I, List<T>> query, int limit, Function<T, I> id) {
        List<T> all = new ArrayList<>();
        I after = null;
        while (true) {
            List<T> page = query.apply(after);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = id.apply(page.get(page.size() - 1));
        }
    }
}
