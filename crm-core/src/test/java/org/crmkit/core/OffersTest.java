package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion.HasTags;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.offer.Offer;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.offer.OfferCondition;
import org.crmkit.core.offer.OfferRule;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.spi.Storage;
import org.junit.jupiter.api.Test;

class OffersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final UserId OWNER = UserId.of(UUID.randomUUID());
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static final Offer VIP_DINNER = Offer.of("VIP-DINNER", "Dinner with our chef");
    private static final Offer WINBACK = Offer.of("COME-BACK-20", "20% off your next order");
    private static final Offer SPRING = new Offer("SPRING-10", "10% off in spring", LocalDate.of(2026, 3, 20), null);
    private static final Offer WELCOME = Offer.of("HELLO-5", "5% off");

    private Crm crm(OfferRules rules) {
        return Crm.builder()
                .storage(InMemoryStorage.create(CLOCK))
                .clock(CLOCK)
                .offerRules(rules)
                .build();
    }

    private static CustomerScore score(RecordRef customer, CustomerTier tier, String segment) {
        return new CustomerScore(customer, TODAY.minusDays(1), tier, Money.of("100", "EUR"), segment, null);
    }

    private static Contact contact(Crm crm, String name) {
        return crm.parties().registerContact(NewContact.of(PersonName.of(name, "Nowak"), OWNER));
    }

    @Test
    void theFirstRuleTheContactMeetsDecidesAndTheChoiceSaysWhy() {
        Crm crm = crm(OfferRules.of(
                OfferRule.of("key customers", OfferCondition.tier(CustomerTier.KEY), VIP_DINNER),
                OfferRule.of("win back", OfferCondition.rfmSegment("at risk", "can't lose"), WINBACK),
                OfferRule.of("everyone", OfferCondition.anyone(), WELCOME)));
        Contact atRisk = contact(crm, "Anna");
        crm.scores().record(score(RecordRef.contact(atRisk.id()), CustomerTier.SMALL, "at risk"));

        OfferChoice choice = crm.offers().choose(atRisk.id(), "birthday", TODAY);

        assertThat(choice.chosenOffer()).contains(WINBACK);
        assertThat(choice.decidingRule()).contains("win back");
        assertThat(choice.reasons())
                .containsExactly(
                        "'key customers' is for tier KEY: the contact's tier is SMALL",
                        "'win back' applies: RFM segment at risk or can't lose");
        assertThat(choice.explanation()).isEqualTo("offer COME-BACK-20 by rule 'win back'");
    }

    @Test
    void aContactWithoutAScoreOfItsOwnIsJudgedByTheAccountItWorksAt() {
        Crm crm = crm(OfferRules.of(OfferRule.of("key customers", OfferCondition.tier(CustomerTier.KEY), VIP_DINNER)));
        Account acme = crm.parties().registerAccount(NewAccount.of("Acme", OWNER));
        Contact buyer = contact(crm, "Piotr");
        crm.parties().linkContactToAccount(buyer.id(), acme.id(), "buyer", true, TODAY.minusYears(1), null);
        crm.scores().record(score(RecordRef.account(acme.id()), CustomerTier.KEY, "champions"));

        assertThat(crm.scores().scoreForContact(buyer.id(), TODAY).map(CustomerScore::tier))
                .contains(CustomerTier.KEY);
        assertThat(crm.offers().choose(buyer.id(), "birthday", TODAY).chosenOffer())
                .contains(VIP_DINNER);
        assertThat(crm.offers()
                        .choose(buyer.id(), "birthday", TODAY.minusYears(2))
                        .explanation())
                .isEqualTo("no offer: 'key customers' is for tier KEY: the contact has no score (nor has an account"
                        + " it works at)");
    }

    @Test
    void rulesForOtherOccasionsAndOffersOutOfTheirValidityAreSkippedWithTheirReason() {
        Crm crm = crm(OfferRules.of(
                OfferRule.of("spring", OfferCondition.anyone(), SPRING),
                OfferRule.of("christmas only", OfferCondition.anyone(), VIP_DINNER)
                        .onlyOn("holiday-christmas-day")));
        Contact anyone = contact(crm, "Ola");

        OfferChoice onBirthday = crm.offers().choose(anyone.id(), "birthday", TODAY);
        OfferChoice inSpring = crm.offers().choose(anyone.id(), "birthday", LocalDate.of(2026, 3, 20));

        assertThat(onBirthday.chosenOffer()).isEmpty();
        assertThat(onBirthday.reasons())
                .containsExactly(
                        "'spring' applies but its offer SPRING-10 is not valid on 2026-03-02 (from 2026-03-20 to any"
                                + " day)",
                        "'christmas only' is not made on birthday");
        assertThat(inSpring.chosenOffer()).contains(SPRING);
    }

    @Test
    void aSegmentRuleTakesContactsOfTheSegmentOrWhoseAccountIsInAnAccountSegment() {
        Storage storage = InMemoryStorage.create(CLOCK);
        Crm crm = Crm.builder().storage(storage).clock(CLOCK).build();
        Segment vips = crm.segments().define("VIPs", SegmentAudience.CONTACTS, SegmentRule.all(HasTags.of("vip")));
        Segment partners =
                crm.segments().define("Partners", SegmentAudience.ACCOUNTS, SegmentRule.all(HasTags.of("partner")));
        Crm withRules = Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .offerRules(OfferRules.of(
                        OfferRule.of("vips", OfferCondition.inSegment(vips.id()), VIP_DINNER),
                        OfferRule.of("partners", OfferCondition.inSegment(partners.id()), WINBACK)))
                .build();
        Contact vip = withRules
                .parties()
                .registerContact(
                        NewContact.of(PersonName.of("Vera", "Ivanova"), OWNER).withTag("vip"));
        Account partner = withRules
                .parties()
                .registerAccount(NewAccount.of("Partner Oy", OWNER).withTag("partner"));
        Contact atPartner = contact(withRules, "Mikko");
        withRules.parties().linkContactToAccount(atPartner.id(), partner.id(), "owner", true, TODAY, null);
        Contact nobody = contact(withRules, "Li");

        assertThat(withRules.offers().choose(vip.id(), "birthday", TODAY).decidingRule())
                .contains("vips");
        assertThat(withRules.offers().choose(atPartner.id(), "birthday", TODAY).decidingRule())
                .contains("partners");
        assertThat(withRules.offers().choose(nobody.id(), "birthday", TODAY).reasons())
                .containsExactly(
                        "'vips' is for segment " + vips.id() + ": the contact is not a member",
                        "'partners' is for segment " + partners.id() + ": no account the contact works at on " + TODAY
                                + " is a member");
    }

    @Test
    void rulesAreCheckedWhenTheyAreMadeAndScoresOnlyForKnownCustomers() {
        Crm crm = crm(OfferRules.none());

        assertThatThrownBy(() -> OfferRules.of(
                        OfferRule.of("twice", OfferCondition.anyone(), WELCOME),
                        OfferRule.of("twice", OfferCondition.anyone(), WINBACK)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rules[1].name");
        assertThatThrownBy(() -> Offer.of("X", "x", TODAY, TODAY.minusDays(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("offer.validUntil");
        assertThatThrownBy(() -> crm.scores()
                        .record(score(
                                new RecordRef(RecordType.ACCOUNT, UUID.randomUUID()), CustomerTier.KEY, "champions")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> new CustomerScore(
                        new RecordRef(RecordType.LEAD, UUID.randomUUID()),
                        TODAY,
                        CustomerTier.KEY,
                        Money.of("1", "EUR"),
                        "champions",
                        null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("customer");
        assertThat(crm.offers()
                        .choose(contact(crm, "Eva").id(), "birthday", TODAY)
                        .explanation())
                .isEqualTo("no offer: there are no offer rules");
        assertThat(crm.scores().scores(PageRequest.first(10)).items()).isEqualTo(List.of());
    }
}
