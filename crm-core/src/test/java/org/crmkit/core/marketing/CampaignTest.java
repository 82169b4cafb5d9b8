package org.crmkit.core.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Actor MARKETER = Actor.of("u-9", "Mia Marketing");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final CampaignPeriod MARCH = CampaignPeriod.of(MARCH_1, LocalDate.of(2026, 3, 31));

    private static final Map<CampaignStatus, Set<CampaignStatus>> ALLOWED = Map.of(
            CampaignStatus.PLANNED, EnumSet.of(CampaignStatus.ACTIVE, CampaignStatus.ABORTED),
            CampaignStatus.ACTIVE, EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.ABORTED),
            CampaignStatus.COMPLETED, EnumSet.noneOf(CampaignStatus.class),
            CampaignStatus.ABORTED, EnumSet.noneOf(CampaignStatus.class));

    private final RecordRef ann = RecordRef.contact(ContactId.of(UUID.randomUUID()));
    private final RecordRef bob = RecordRef.contact(ContactId.of(UUID.randomUUID()));
    private final RecordRef lead = RecordRef.lead(LeadId.of(UUID.randomUUID()));

    private static Campaign planned() {
        return Campaign.plan(
                TENANT,
                CampaignId.of(UUID.randomUUID()),
                new NewCampaign(
                        "Spring mailing",
                        CampaignType.EMAIL,
                        MARCH,
                        Money.of("1000.00", "EUR"),
                        "Newsletter with spring offers"),
                MARKETER,
                CLOCK);
    }

    private static Campaign campaignIn(CampaignStatus status) {
        Campaign campaign = planned();
        switch (status) {
            case PLANNED -> {}
            case ACTIVE -> campaign.activate(MARKETER, CLOCK);
            case COMPLETED -> {
                campaign.activate(MARKETER, CLOCK);
                campaign.complete(MARKETER, CLOCK);
            }
            case ABORTED -> campaign.abort("Budget cut", MARKETER, CLOCK);
        }
        return campaign;
    }

    private static void moveTo(Campaign campaign, CampaignStatus target) {
        switch (target) {
            case PLANNED -> throw new AssertionError("nothing moves a campaign back to PLANNED");
            case ACTIVE -> campaign.activate(MARKETER, CLOCK);
            case COMPLETED -> campaign.complete(MARKETER, CLOCK);
            case ABORTED -> campaign.abort("Stopped", MARKETER, CLOCK);
        }
    }

    static Stream<Arguments> everyMoveToAReachableStatus() {
        return EnumSet.allOf(CampaignStatus.class).stream()
                .flatMap(from -> EnumSet.complementOf(EnumSet.of(CampaignStatus.PLANNED)).stream()
                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMoveToAReachableStatus")
    void statusMovesFollowTheRules(CampaignStatus from, CampaignStatus to) {
        Campaign campaign = campaignIn(from);
        if (ALLOWED.get(from).contains(to)) {
            moveTo(campaign, to);
            assertThat(campaign.status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> moveTo(campaign, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(to.name());
            assertThat(campaign.status()).isEqualTo(from);
        }
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
        assertThat(from.canMoveTo(CampaignStatus.PLANNED)).isFalse();
    }

    @Test
    void abortingNeedsAReasonAndKeepsIt() {
        assertInvalid(() -> planned().abort(" ", MARKETER, CLOCK), "reason");
        assertThat(campaignIn(CampaignStatus.ABORTED).abortReason()).isEqualTo("Budget cut");
    }

    @Test
    void periodEndBeforeStartIsRefused() {
        assertInvalid(() -> CampaignPeriod.of(MARCH_1, MARCH_1.minusDays(1)), "end");
        assertThat(CampaignPeriod.of(MARCH_1, MARCH_1).contains(MARCH_1)).isTrue();
    }

    @Test
    void negativeBudgetOrMissingNameIsRefused() {
        assertInvalid(() -> NewCampaign.of("x", CampaignType.EVENT, MARCH, Money.of("-1", "EUR")), "budget");
        assertInvalid(() -> NewCampaign.of(" ", CampaignType.EVENT, MARCH, Money.of("1", "EUR")), "name");
        assertInvalid(() -> NewCampaign.of("x", null, MARCH, Money.of("1", "EUR")), "type");
    }

    @Test
    void newMembersAreTargetedOnceAndOnlyContactsOrLeads() {
        Campaign campaign = planned();

        List<CampaignMember> joining = campaign.newMembers(List.of(ann, lead, bob, lead), CLOCK);

        assertThat(joining).extracting(CampaignMember::member).containsExactly(ann, lead, bob);
        assertThat(joining)
                .allMatch(member -> member.status() == CampaignMemberStatus.TARGETED
                        && member.campaign().equals(campaign.id())
                        && member.addedAt().equals(NOW)
                        && member.version() == 0
                        && !member.hasResponded());
        assertInvalid(
                () -> campaign.newMembers(List.of(RecordRef.account(AccountId.of(UUID.randomUUID()))), CLOCK),
                "member");
    }

    @Test
    void membersAddedAreRecordedAsOneEventAndNoneAsNothing() {
        Campaign campaign = planned();
        List<CampaignMember> joining = campaign.newMembers(List.of(ann, lead), CLOCK);

        campaign.membersAdded(List.of());
        campaign.membersAdded(joining);

        assertThat(campaign.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        CampaignMembersAdded.class,
                        event -> assertThat(event.members()).containsExactly(ann, lead));
        assertThat(campaign.pendingEvents())
                .filteredOn(CampaignMembersAdded.class::isInstance)
                .hasSize(1);
    }

    @Test
    void finishedCampaignTakesNoNewMembers() {
        assertThatThrownBy(() -> campaignIn(CampaignStatus.COMPLETED).newMembers(List.of(ann), CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void movesOfAMemberKeepTheFirstResponseTime() {
        Campaign campaign = campaignIn(CampaignStatus.ACTIVE);
        CampaignMember member = campaign.newMembers(List.of(ann), CLOCK).get(0).withVersion(1);
        Clock later = Clock.offset(CLOCK, Duration.ofDays(2));

        CampaignMember sent = campaign.moveMember(member, CampaignMemberStatus.SENT, CLOCK);
        CampaignMember responded = campaign.moveMember(sent, CampaignMemberStatus.RESPONDED, later);
        CampaignMember converted =
                campaign.moveMember(responded, CampaignMemberStatus.CONVERTED, Clock.offset(later, Duration.ofDays(1)));

        assertThat(sent.hasResponded()).isFalse();
        assertThat(converted.respondedAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(converted.statusChangedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(converted.version()).isEqualTo(1);
        assertThat(campaign.pendingEvents()).last().isInstanceOfSatisfying(CampaignMemberStatusChanged.class, event -> {
            assertThat(event.member()).isEqualTo(ann);
            assertThat(event.from()).isEqualTo(CampaignMemberStatus.RESPONDED);
            assertThat(event.to()).isEqualTo(CampaignMemberStatus.CONVERTED);
        });
    }

    @Test
    void lateResponseIsStillRecordedAfterCompletion() {
        Campaign campaign = campaignIn(CampaignStatus.ACTIVE);
        CampaignMember member = campaign.newMembers(List.of(ann), CLOCK).get(0);
        campaign.complete(MARKETER, CLOCK);

        assertThat(campaign.moveMember(member, CampaignMemberStatus.RESPONDED, CLOCK)
                        .hasResponded())
                .isTrue();
    }

    @Test
    void memberStatusCannotBeRecordedBeforeActivation() {
        Campaign campaign = planned();
        CampaignMember member = campaign.newMembers(List.of(ann), CLOCK).get(0);

        assertThatThrownBy(() -> campaign.moveMember(member, CampaignMemberStatus.SENT, CLOCK))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PLANNED");
    }

    @Test
    void unsubscribedMemberStaysUnsubscribedAndOtherCampaignsMembersAreRefused() {
        Campaign campaign = campaignIn(CampaignStatus.ACTIVE);
        CampaignMember unsubscribed = campaign.moveMember(
                campaign.newMembers(List.of(ann), CLOCK).get(0), CampaignMemberStatus.UNSUBSCRIBED, CLOCK);
        CampaignMember elsewhere = campaignIn(CampaignStatus.ACTIVE)
                .newMembers(List.of(bob), CLOCK)
                .get(0);

        assertThatThrownBy(() -> campaign.moveMember(unsubscribed, CampaignMemberStatus.RESPONDED, CLOCK))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("UNSUBSCRIBED")
                .hasMessageContaining("RESPONDED");
        assertInvalid(() -> campaign.moveMember(elsewhere, CampaignMemberStatus.SENT, CLOCK), "member");
    }

    @Test
    void memberStatusMovesFollowTheirTable() {
        assertThat(CampaignMemberStatus.TARGETED.canMoveTo(CampaignMemberStatus.SENT))
                .isTrue();
        assertThat(CampaignMemberStatus.SENT.canMoveTo(CampaignMemberStatus.SENT))
                .isFalse();
        assertThat(CampaignMemberStatus.BOUNCED.canMoveTo(CampaignMemberStatus.SENT))
                .isTrue();
        assertThat(CampaignMemberStatus.BOUNCED.canMoveTo(CampaignMemberStatus.RESPONDED))
                .isFalse();
        assertThat(CampaignMemberStatus.RESPONDED.canMoveTo(CampaignMemberStatus.SENT))
                .isFalse();
        assertThat(CampaignMemberStatus.CONVERTED.canMoveTo(CampaignMemberStatus.RESPONDED))
                .isFalse();
        assertThat(EnumSet.allOf(CampaignMemberStatus.class))
                .noneMatch(status -> status.canMoveTo(CampaignMemberStatus.TARGETED))
                .noneMatch(CampaignMemberStatus.UNSUBSCRIBED::canMoveTo);
    }

    @Test
    void costsAddUpAndGiveTheCostPerResponse() {
        Campaign campaign = campaignIn(CampaignStatus.ACTIVE);
        campaign.recordCost("Print", Money.of("700.00", "EUR"), MARCH_1, CLOCK);
        Money total = campaign.recordCost("Postage", Money.of("400.00", "EUR"), MARCH_1.plusDays(1), CLOCK);

        assertThat(total).isEqualTo(Money.of("1100.00", "EUR"));
        assertThat(campaign.actualCost()).isEqualTo(Money.of("1100", "EUR"));
        assertThat(campaign.remainingBudget()).isEqualTo(Money.of("-100", "EUR"));
        assertThat(campaign.isOverBudget()).isTrue();
        assertThat(campaign.costPerResponse(3)).hasValue(Money.of("366.67", "EUR"));
    }

    @Test
    void costPerResponseIsEmptyWithoutResponses() {
        Campaign campaign = planned();
        campaign.recordCost("Venue deposit", Money.of("50", "EUR"), MARCH_1, CLOCK);

        assertThat(campaign.costPerResponse(0)).isEmpty();
        assertThat(campaign.actualCost()).isEqualTo(Money.of("50", "EUR"));
    }

    @Test
    void costInAnotherCurrencyOrNotPositiveIsRefused() {
        Campaign campaign = planned();

        assertThatThrownBy(() -> campaign.recordCost("Ads", Money.of("10", "USD"), MARCH_1, CLOCK))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
        assertInvalid(() -> campaign.recordCost("Ads", Money.of("0", "EUR"), MARCH_1, CLOCK), "amount");
        assertInvalid(() -> campaign.recordCost(" ", Money.of("1", "EUR"), MARCH_1, CLOCK), "description");
        assertInvalid(() -> campaign.recordCost("Ads", Money.of("1", "EUR"), null, CLOCK), "incurredOn");
        assertThat(campaign.costs()).isEmpty();
    }

    @Test
    void activeOnlyWithinThePeriodWhileActive() {
        Campaign campaign = planned();
        assertThat(campaign.isActiveOn(MARCH_1)).isFalse();

        campaign.activate(MARKETER, CLOCK);

        assertThat(campaign.isActiveOn(MARCH_1)).isTrue();
        assertThat(campaign.isActiveOn(LocalDate.of(2026, 4, 1))).isFalse();
    }

    @Test
    void stateRoundTripRestoresEveryField() {
        Campaign campaign = campaignIn(CampaignStatus.ACTIVE);
        campaign.recordCost("Print", Money.of("12.34", "EUR"), MARCH_1, CLOCK);
        campaign.abort("Stopped", MARKETER, CLOCK);

        assertThat(Campaign.restore(campaign.state()).state()).isEqualTo(campaign.state());
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
