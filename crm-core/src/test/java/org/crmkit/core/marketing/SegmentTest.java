package org.crmkit.core.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentCriterion.Comparison;
import org.crmkit.core.marketing.SegmentCriterion.CustomField;
import org.crmkit.core.marketing.SegmentCriterion.HasConsent;
import org.crmkit.core.marketing.SegmentCriterion.HasTags;
import org.crmkit.core.marketing.SegmentCriterion.InTerritory;
import org.crmkit.core.marketing.SegmentCriterion.Nested;
import org.crmkit.core.marketing.SegmentCriterion.OwnedBy;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.Test;

class SegmentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final UserId OWNER = UserId.of(UUID.randomUUID());
    private static final TerritoryId NORTH = TerritoryId.of(UUID.randomUUID());
    private static final TerritoryId SOUTH = TerritoryId.of(UUID.randomUUID());
    private static final CustomFieldKey SCORE = CustomFieldKey.of("score");

    private static Contact contact(NewContact details) {
        return Contact.register(TENANT, ContactId.of(UUID.randomUUID()), details, CLOCK);
    }

    private static NewContact ada() {
        return NewContact.of(PersonName.of("Ada", "King"), OWNER);
    }

    private static Segment segment(SegmentRule rule) {
        return Segment.define(
                TENANT, SegmentId.of(UUID.randomUUID()), "Segment", SegmentAudience.CONTACTS, rule, null, CLOCK);
    }

    @Test
    void allRequiresEveryCriterionAndAnyOne() {
        Contact vipInNorth = contact(ada().withTag("VIP").withTerritory(NORTH));
        Contact vipElsewhere = contact(ada().withTag("vip"));

        Segment all = segment(SegmentRule.all(HasTags.of("VIP"), new InTerritory(NORTH)));
        Segment any = segment(SegmentRule.any(HasTags.of("VIP"), new InTerritory(NORTH)));

        assertThat(all.matches(vipInNorth)).isTrue();
        assertThat(all.matches(vipElsewhere)).isFalse();
        assertThat(any.matches(vipElsewhere)).isTrue();
        assertThat(any.matches(contact(ada()))).isFalse();
    }

    @Test
    void hasTagsNeedsEveryTag() {
        Segment segment = segment(SegmentRule.all(HasTags.of("vip", "newsletter")));

        assertThat(segment.matches(contact(ada().withTag("VIP").withTag("Newsletter"))))
                .isTrue();
        assertThat(segment.matches(contact(ada().withTag("VIP")))).isFalse();
    }

    @Test
    void customFieldsCompareByType() {
        Contact high = contact(ada().withCustomField(SCORE, CustomFieldValue.number(80)));
        Contact low = contact(ada().withCustomField(SCORE, CustomFieldValue.number(20)));
        Contact text = contact(ada().withCustomField(SCORE, CustomFieldValue.text("high")));
        Contact none = contact(ada());

        Segment greater =
                segment(SegmentRule.all(new CustomField(SCORE, Comparison.GREATER_THAN, CustomFieldValue.number(50))));
        Segment less =
                segment(SegmentRule.all(new CustomField(SCORE, Comparison.LESS_THAN, CustomFieldValue.number(50))));
        Segment equal = segment(SegmentRule.all(
                new CustomField(SCORE, Comparison.EQUALS, CustomFieldValue.number(new BigDecimal("80.0")))));

        assertThat(List.of(high, low, text, none)).filteredOn(greater::matches).containsExactly(high);
        assertThat(List.of(high, low, text, none)).filteredOn(less::matches).containsExactly(low);
        assertThat(List.of(high, low, text, none)).filteredOn(equal::matches).containsExactly(high);
    }

    @Test
    void moneyInAnotherCurrencyNeverCompares() {
        CustomFieldKey budget = CustomFieldKey.of("budget");
        Contact dollars = contact(ada().withCustomField(budget, CustomFieldValue.money(Money.of("1000", "USD"))));

        assertThat(segment(SegmentRule.all(new CustomField(
                                budget, Comparison.GREATER_THAN, CustomFieldValue.money(Money.of("10", "EUR")))))
                        .matches(dollars))
                .isFalse();
    }

    @Test
    void consentFollowsTheLatestDecisionAndAccountsNeverHaveIt() {
        Contact contact = contact(ada());
        Segment emailable = segment(SegmentRule.all(new HasConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)));

        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form", CLOCK);
        assertThat(emailable.matches(contact)).isTrue();
        contact.withdrawConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe", CLOCK);
        assertThat(emailable.matches(contact)).isFalse();

        Account account =
                Account.register(TENANT, AccountId.of(UUID.randomUUID()), NewAccount.of("ACME", OWNER), CLOCK);
        assertThat(emailable.matches(account)).isFalse();
    }

    @Test
    void nestedRulesCombine() {
        Segment segment = segment(SegmentRule.all(
                new OwnedBy(OWNER), new Nested(SegmentRule.any(new InTerritory(NORTH), new InTerritory(SOUTH)))));

        assertThat(segment.matches(contact(ada().withTerritory(SOUTH)))).isTrue();
        assertThat(segment.matches(contact(ada()))).isFalse();
        assertThat(segment.matches(contact(NewContact.of(PersonName.of("B", "C"), UserId.of(UUID.randomUUID()))
                        .withTerritory(NORTH))))
                .isFalse();
    }

    @Test
    void anEmptyRuleOrTagListIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new SegmentRule(SegmentMatch.ALL, List.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rule.criteria"));
        assertThatThrownBy(HasTags::of)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThatThrownBy(() -> Segment.define(
                        TENANT,
                        SegmentId.of(UUID.randomUUID()),
                        " ",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(new OwnedBy(OWNER)),
                        null,
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void changingTheRuleRecordsAnEventAndTheStateRoundTrips() {
        Segment segment = segment(SegmentRule.all(new OwnedBy(OWNER)));

        segment.changeRule(SegmentRule.any(HasTags.of("vip")), CLOCK);

        assertThat(segment.pendingEvents()).last().isInstanceOf(SegmentChanged.class);
        assertThat(Segment.restore(segment.state()).state()).isEqualTo(segment.state());
    }
}
