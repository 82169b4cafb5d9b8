package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceCaseTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(OPENED, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Actor AGENT = Actor.of("u-3", "Sam Support");
    private static final ServiceLevel SLA = ServiceLevel.standard();

    /** The status flow as the business states it, written out independently of the implementation. */
    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            CaseStatus.NEW, EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.RESOLVED),
            CaseStatus.IN_PROGRESS, EnumSet.of(CaseStatus.WAITING, CaseStatus.RESOLVED),
            CaseStatus.WAITING, EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED),
            CaseStatus.RESOLVED, EnumSet.of(CaseStatus.CLOSED, CaseStatus.IN_PROGRESS),
            CaseStatus.CLOSED, EnumSet.of(CaseStatus.IN_PROGRESS));

    private static NewCase complaint(CasePriority priority) {
        return NewCase.of(
                        AccountId.of(UUID.randomUUID()),
                        ContactId.of(UUID.randomUUID()),
                        "Invoice is wrong",
                        CaseChannel.EMAIL,
                        CaseCategory.of("Billing"),
                        priority)
                .withDescription("Charged twice");
    }

    private static ServiceCase openCase(CasePriority priority) {
        return ServiceCase.open(TENANT, CaseId.of(UUID.randomUUID()), complaint(priority), SLA, AGENT, CLOCK);
    }

    private static Clock at(Duration afterOpening) {
        return Clock.fixed(OPENED.plus(afterOpening), ZoneOffset.UTC);
    }

    private static ServiceCase caseIn(CaseStatus status) {
        ServiceCase serviceCase = openCase(CasePriority.NORMAL);
        switch (status) {
            case NEW -> {}
            case IN_PROGRESS -> serviceCase.startWork(AGENT, CLOCK);
            case WAITING -> serviceCase.waitForCustomer(AGENT, CLOCK);
            case RESOLVED -> serviceCase.resolve("Refunded", AGENT, CLOCK);
            case CLOSED -> {
                serviceCase.resolve("Refunded", AGENT, CLOCK);
                serviceCase.close(AGENT, CLOCK);
            }
        }
        return serviceCase;
    }

    private static void moveTo(ServiceCase serviceCase, CaseStatus target) {
        switch (target) {
            case NEW -> throw new AssertionError("nothing moves a case back to NEW");
            case IN_PROGRESS -> {
                if (serviceCase.status().isOpen()) {
                    serviceCase.startWork(AGENT, CLOCK);
                } else {
                    serviceCase.reopen("Customer wrote again", AGENT, CLOCK);
                }
            }
            case WAITING -> serviceCase.waitForCustomer(AGENT, CLOCK);
            case RESOLVED -> serviceCase.resolve("Refunded", AGENT, CLOCK);
            case CLOSED -> serviceCase.close(AGENT, CLOCK);
        }
    }

    static Stream<Arguments> everyMoveToAReachableStatus() {
        return EnumSet.allOf(CaseStatus.class).stream()
                .flatMap(from -> EnumSet.complementOf(EnumSet.of(CaseStatus.NEW)).stream()
                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMoveToAReachableStatus")
    void statusMovesFollowTheFlow(CaseStatus from, CaseStatus to) {
        ServiceCase serviceCase = caseIn(from);
        if (ALLOWED.get(from).contains(to)) {
            moveTo(serviceCase, to);
            assertThat(serviceCase.status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> moveTo(serviceCase, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(to.name());
            assertThat(serviceCase.status()).isEqualTo(from);
        }
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @Test
    void noStatusLeadsBackToNew() {
        assertThat(CaseStatus.values()).noneMatch(status -> status.canMoveTo(CaseStatus.NEW));
    }

    @Test
    void resolvedCaseIsReopenedNotStartedAndAnOpenCaseCannotBeReopened() {
        assertThatThrownBy(() -> caseIn(CaseStatus.RESOLVED).startWork(AGENT, CLOCK))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("reopen");
        assertThatThrownBy(() -> caseIn(CaseStatus.WAITING).reopen(null, AGENT, CLOCK))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("WAITING");
    }

    @Test
    void openingSetsDueTimesFromThePriorityTargets() {
        ServiceCase urgent = openCase(CasePriority.URGENT);
        ServiceCase low = openCase(CasePriority.LOW);

        assertThat(urgent.status()).isEqualTo(CaseStatus.NEW);
        assertThat(urgent.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        assertThat(urgent.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(8)));
        assertThat(low.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(1)));
        assertThat(low.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofDays(7)));
        assertThat(urgent.pendingEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        CaseOpened.class,
                        event -> assertThat(event.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(8))));
    }

    @Test
    void configuredServiceLevelDecidesTheDueTimes() {
        ServiceLevel strict = SLA.with(CasePriority.HIGH, Duration.ofMinutes(15), Duration.ofHours(2));

        ServiceCase serviceCase = ServiceCase.open(
                TENANT, CaseId.of(UUID.randomUUID()), complaint(CasePriority.HIGH), strict, AGENT, CLOCK);

        assertThat(serviceCase.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(15)));
        assertThat(serviceCase.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(2)));
    }

    @Test
    void firstResponseIsRecordedOnceAndStartsWork() {
        ServiceCase serviceCase = openCase(CasePriority.URGENT);

        serviceCase.respond(AGENT, at(Duration.ofMinutes(20)));
        serviceCase.respond(AGENT, at(Duration.ofHours(2)));

        assertThat(serviceCase.firstRespondedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(20)));
        assertThat(serviceCase.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(serviceCase.pendingEvents())
                .filteredOn(CaseResponded.class::isInstance)
                .extracting(event -> ((CaseResponded) event).firstResponse())
                .containsExactly(true, false);
        assertThat(serviceCase.isFirstResponseBreached(OPENED.plus(Duration.ofDays(30))))
                .isFalse();
    }

    @Test
    void firstResponseIsBreachedOnlyAfterItsDueTimeWithoutAResponse() {
        ServiceCase serviceCase = openCase(CasePriority.URGENT);
        Instant due = serviceCase.firstResponseDueAt();

        assertThat(serviceCase.isFirstResponseBreached(due)).isFalse();
        assertThat(serviceCase.isFirstResponseBreached(due.plusSeconds(1))).isTrue();
    }

    @Test
    void lateFirstResponseStaysBreached() {
        ServiceCase serviceCase = openCase(CasePriority.URGENT);

        serviceCase.respond(AGENT, at(Duration.ofHours(2)));

        assertThat(serviceCase.isFirstResponseBreached(OPENED.plus(Duration.ofHours(2))))
                .isTrue();
    }

    @Test
    void resolutionInTimeMeetsTheTargetAndCountsAsFirstResponse() {
        ServiceCase serviceCase = openCase(CasePriority.URGENT);

        serviceCase.resolve("Refunded the double charge", AGENT, at(Duration.ofMinutes(30)));

        assertThat(serviceCase.resolution()).isEqualTo("Refunded the double charge");
        assertThat(serviceCase.resolvedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        assertThat(serviceCase.firstRespondedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        assertThat(serviceCase.isResolutionBreached(OPENED.plus(Duration.ofDays(9))))
                .isFalse();
        assertThat(serviceCase.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        CaseResolved.class,
                        event -> assertThat(event.withinTarget()).isTrue());
    }

    @Test
    void resolutionIsBreachedWhenLateOrStillOpenAfterTheDueTime() {
        ServiceCase open = openCase(CasePriority.URGENT);
        ServiceCase late = openCase(CasePriority.URGENT);
        late.resolve("Done", AGENT, at(Duration.ofHours(9)));

        assertThat(open.isResolutionBreached(OPENED.plus(Duration.ofHours(8)))).isFalse();
        assertThat(open.isResolutionBreached(OPENED.plus(Duration.ofHours(8)).plusSeconds(1)))
                .isTrue();
        assertThat(late.isResolutionBreached(OPENED.plus(Duration.ofHours(9)))).isTrue();
        assertThat(late.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        CaseResolved.class,
                        event -> assertThat(event.withinTarget()).isFalse());
    }

    @Test
    void priorityChangeRecomputesDueTimesFromTheOpeningTime() {
        ServiceCase serviceCase = openCase(CasePriority.LOW);

        serviceCase.changePriority(CasePriority.URGENT, SLA, at(Duration.ofHours(3)));

        assertThat(serviceCase.firstResponseDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        assertThat(serviceCase.resolutionDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(8)));
        assertThat(serviceCase.isFirstResponseBreached(OPENED.plus(Duration.ofHours(3))))
                .isTrue();
    }

    @Test
    void reopeningForgetsTheResolutionAndCountsTheReopening() {
        ServiceCase serviceCase = caseIn(CaseStatus.CLOSED);

        serviceCase.reopen("Charged again", AGENT, CLOCK);

        assertThat(serviceCase.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(serviceCase.resolution()).isNull();
        assertThat(serviceCase.resolvedAt()).isNull();
        assertThat(serviceCase.closedAt()).isNull();
        assertThat(serviceCase.reopenCount()).isEqualTo(1);
        assertThat(serviceCase.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        CaseReopened.class, event -> assertThat(event.from()).isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void assigningNamesTheAssigneeAndRefusesClosedCases() {
        ServiceCase serviceCase = openCase(CasePriority.HIGH);
        UserId sam = UserId.of(UUID.randomUUID());

        serviceCase.assign(sam, AGENT, CLOCK);

        assertThat(serviceCase.assignee()).isEqualTo(sam);
        assertInvalid(() -> serviceCase.assign(sam, AGENT, CLOCK), "assignee");
        assertThatThrownBy(() -> caseIn(CaseStatus.CLOSED).assign(sam, AGENT, CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void stateRoundTripRestoresEveryField() {
        ServiceCase serviceCase = openCase(CasePriority.HIGH);
        serviceCase.assign(UserId.of(UUID.randomUUID()), AGENT, CLOCK);
        serviceCase.respond(AGENT, at(Duration.ofMinutes(5)));
        serviceCase.resolve("Fixed", AGENT, at(Duration.ofHours(1)));
        serviceCase.close(AGENT, at(Duration.ofHours(2)));
        serviceCase.reopen(null, AGENT, at(Duration.ofHours(3)));
        serviceCase.resolve("Fixed again", AGENT, at(Duration.ofHours(4)));
        serviceCase.close(AGENT, at(Duration.ofHours(5)));

        assertThat(ServiceCase.restore(serviceCase.state()).state()).isEqualTo(serviceCase.state());
    }

    @Test
    void resolvingWithoutResolutionTextIsRefused() {
        ServiceCase serviceCase = openCase(CasePriority.NORMAL);

        assertInvalid(() -> serviceCase.resolve("  ", AGENT, CLOCK), "resolution");
        assertThat(serviceCase.status()).isEqualTo(CaseStatus.NEW);
    }

    @Test
    void caseFromNobodyOrWithoutSubjectChannelOrCategoryIsRefused() {
        CaseCategory billing = CaseCategory.of("billing");
        AccountId account = AccountId.of(UUID.randomUUID());
        assertInvalid(() -> NewCase.of(null, null, "x", CaseChannel.WEB, billing, null), "customer");
        assertInvalid(() -> NewCase.of(account, null, " ", CaseChannel.WEB, billing, null), "subject");
        assertInvalid(() -> NewCase.of(account, null, "x", null, billing, null), "channel");
        assertInvalid(() -> NewCase.of(account, null, "x", CaseChannel.WEB, null, null), "category");
        assertThat(NewCase.of(account, null, "x", CaseChannel.WEB, billing, null)
                        .priority())
                .isEqualTo(CasePriority.NORMAL);
    }

    @Test
    void categoryIsNormalisedAndMalformedOnesAreRefused() {
        assertThat(CaseCategory.of(" Product/Defect ").value()).isEqualTo("product/defect");
        assertInvalid(() -> CaseCategory.of("-billing"), "category");
        assertInvalid(() -> CaseCategory.of("x".repeat(61)), "category");
        assertInvalid(() -> CaseCategory.of(""), "category");
    }

    @Test
    void serviceTargetsMustBePositiveAndResolutionNotShorterThanFirstResponse() {
        assertInvalid(() -> ServiceTargets.of(Duration.ZERO, Duration.ofHours(1)), "firstResponse");
        assertInvalid(() -> ServiceTargets.of(Duration.ofHours(2), Duration.ofHours(1)), "resolution");
    }

    @Test
    void serviceLevelNeedsTargetsForEveryPriority() {
        Map<CasePriority, ServiceTargets> targets = new EnumMap<>(CasePriority.class);
        targets.put(CasePriority.LOW, ServiceTargets.of(Duration.ofHours(1), Duration.ofHours(2)));

        assertInvalid(() -> ServiceLevel.of(targets), "targets.NORMAL");
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
