package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentCriterion.HasConsent;
import org.crmkit.core.marketing.SegmentCriterion.HasTags;
import org.crmkit.core.marketing.SegmentDefined;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = UserId.of(UUID.randomUUID());

    private final List<OutboxEntry> delivered = new ArrayList<>();
    private Crm crm;

    @BeforeEach
    void buildCrm() {
        crm = Crm.builder()
                .storage(InMemoryStorage.create(CLOCK))
                .clock(CLOCK)
                .eventListener(delivered::add)
                .build();
    }

    @Test
    void aSavedSegmentIsReEvaluatedAgainstTheStoredContactsWithPaging() {
        List<Contact> vips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Contact contact = crm.parties()
                    .registerContact(NewContact.of(PersonName.of("C", "Contact" + i), OWNER)
                            .withTag("vip"));
            vips.add(crm.parties()
                    .grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form"));
        }
        crm.parties()
                .registerContact(
                        NewContact.of(PersonName.of("N", "Other"), OWNER).withTag("vip"));
        Segment segment = crm.segments()
                .define(
                        "Emailable VIPs",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(
                                HasTags.of("VIP"), new HasConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)));

        Page<Contact> first = crm.segments().contactsIn(segment.id(), PageRequest.of(0, 3));
        Page<Contact> second = crm.segments().contactsIn(segment.id(), PageRequest.of(1, 3));

        assertThat(first.totalElements()).isEqualTo(5);
        assertThat(first.items())
                .extracting(Contact::id)
                .containsExactly(vips.get(0).id(), vips.get(1).id(), vips.get(2).id());
        assertThat(second.items())
                .extracting(Contact::id)
                .containsExactly(vips.get(3).id(), vips.get(4).id());

        crm.parties().withdrawConsent(vips.get(0).id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe");
        assertThat(crm.segments()
                        .contactsIn(segment.id(), PageRequest.first(10))
                        .totalElements())
                .isEqualTo(4);
        assertThat(delivered).anySatisfy(entry -> assertThat(entry.event()).isInstanceOf(SegmentDefined.class));
    }

    @Test
    void aSegmentOnScoresSelectsTheContactsTheAnalyticsScoredSo() {
        Contact champion = contact("Champion");
        Contact fading = contact("Fading");
        Contact unscored = contact("Unscored");
        Contact small = contact("Small");
        crm.scores()
                .recordAll(List.of(
                        score(champion, CustomerTier.KEY, "champions", "3000.00", 0.9),
                        score(fading, CustomerTier.KEY, "at risk", "3000.00", 0.3),
                        score(small, CustomerTier.SMALL, "champions", "100.00", 0.9)));
        Segment loyalKeys = crm.segments()
                .define(
                        "Loyal key customers",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(
                                new SegmentCriterion.InTier(CustomerTier.KEY),
                                new SegmentCriterion.ChurnRisk(SegmentCriterion.Comparison.LESS_THAN, 0.5)));
        Segment valuable = crm.segments()
                .define(
                        "Valuable or champions",
                        SegmentAudience.CONTACTS,
                        SegmentRule.any(
                                new SegmentCriterion.LifetimeValue(
                                        SegmentCriterion.Comparison.GREATER_THAN, Money.of("1000.00", "EUR")),
                                new SegmentCriterion.InRfmSegment("champions")));

        assertThat(crm.segments().contactsIn(loyalKeys.id(), null, 10))
                .extracting(Contact::id)
                .containsExactly(champion.id());
        assertThat(crm.segments().contactsIn(valuable.id(), null, 10))
                .extracting(Contact::id)
                .containsExactly(champion.id(), fading.id(), small.id())
                .doesNotContain(unscored.id());
        assertThatThrownBy(() -> loyalKeys.matches(champion))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rule"));
    }

    private Contact contact(String name) {
        return crm.parties().registerContact(NewContact.of(PersonName.of("C", name), OWNER));
    }

    private static CustomerScore score(
            Contact contact, CustomerTier tier, String rfmSegment, String lifetimeValue, double probabilityAlive) {
        return new CustomerScore(
                RecordRef.contact(contact.id()),
                LocalDate.of(2026, 3, 1),
                tier,
                Money.of("500.00", "EUR"),
                rfmSegment,
                new CustomerScore.Prediction(
                        Money.of(lifetimeValue, "EUR"), probabilityAlive, Money.of("10.00", "EUR")));
    }

    @Test
    void anAccountSegmentSelectsAccounts() {
        Account keyAccount =
                crm.parties().registerAccount(NewAccount.of("ACME", OWNER).withTag("key account"));
        crm.parties().registerAccount(NewAccount.of("Other", OWNER));
        Segment segment = crm.segments()
                .define("Key accounts", SegmentAudience.ACCOUNTS, SegmentRule.all(HasTags.of("key account")));

        assertThat(crm.segments()
                        .accountsIn(segment.id(), PageRequest.first(10))
                        .items())
                .extracting(Account::id)
                .containsExactly(keyAccount.id());
        assertThatThrownBy(() -> crm.segments().contactsIn(segment.id(), PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("segmentId"));
    }

    @Test
    void aBadSegmentIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> crm.segments().define("VIPs", null, SegmentRule.all(HasTags.of("vip"))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("audience"));
        assertThat(crm.segments().segments(PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> crm.segments().rename(SegmentId.of(UUID.randomUUID()), "x"))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void changingTheRuleChangesWhoIsIn() {
        crm.parties()
                .registerContact(NewContact.of(PersonName.of("A", "Vip"), OWNER).withTag("vip"));
        Segment segment = crm.segments().define("Gold", SegmentAudience.CONTACTS, SegmentRule.all(HasTags.of("gold")));
        assertThat(crm.segments()
                        .contactsIn(segment.id(), PageRequest.first(10))
                        .items())
                .isEmpty();

        Segment changed =
                crm.segments().changeRule(segment.id(), SegmentRule.any(HasTags.of("gold"), HasTags.of("vip")));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(crm.segments()
                        .contactsIn(segment.id(), PageRequest.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void aLargeSegmentIsWalkedKeysetPageByKeysetPageWithoutAnyTwice() {
        List<Contact> vips = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            vips.add(crm.parties()
                    .registerContact(
                            NewContact.of(PersonName.of("V", "Vip" + i), OWNER).withTag("vip")));
            crm.parties().registerContact(NewContact.of(PersonName.of("O", "Other" + i), OWNER));
        }
        Segment segment = crm.segments().define("VIPs", SegmentAudience.CONTACTS, SegmentRule.all(HasTags.of("vip")));

        List<Contact> first = crm.segments().contactsIn(segment.id(), null, 3);
        List<Contact> second =
                crm.segments().contactsIn(segment.id(), first.get(2).id(), 3);
        List<Contact> last =
                crm.segments().contactsIn(segment.id(), second.get(2).id(), 3);

        assertThat(first)
                .extracting(Contact::id)
                .containsExactly(vips.get(0).id(), vips.get(1).id(), vips.get(2).id());
        assertThat(second)
                .extracting(Contact::id)
                .containsExactly(vips.get(3).id(), vips.get(4).id(), vips.get(5).id());
        assertThat(last).extracting(Contact::id).containsExactly(vips.get(6).id());
        assertThatThrownBy(() -> crm.segments().contactsIn(segment.id(), null, 1001))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
}
