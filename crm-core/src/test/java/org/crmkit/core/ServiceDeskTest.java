package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CaseClosed;
import org.crmkit.core.service.CaseOpened;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceLevel;
import org.junit.jupiter.api.Test;

class ServiceDeskTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final UserId SAM = UserId.of(UUID.randomUUID());

    private final InMemoryStorage storage = InMemoryStorage.create(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<DomainEvent> published = new ArrayList<>();
    private final Crm crm = crmAt(NOW);
    private final AccountId account = StoredRecords.account(storage, Clock.fixed(NOW, ZoneOffset.UTC));

    private Crm crmAt(Instant now) {
        return Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .eventListener(entry -> published.add(entry.event()))
                .build();
    }

    private ServiceCase open(CasePriority priority) {
        return crm.serviceDesk()
                .openCase(NewCase.of(
                        account,
                        StoredRecords.contact(storage, Clock.fixed(NOW, ZoneOffset.UTC)),
                        "Delivery late",
                        CaseChannel.PHONE,
                        CaseCategory.of("delivery"),
                        priority));
    }

    @Test
    void openedCaseIsStoredWithDueTimesAndItsEventReachesTheListener() {
        ServiceCase opened = open(CasePriority.HIGH);

        assertThat(crm.serviceDesk().findCase(opened.id())).hasValueSatisfying(found -> {
            assertThat(found.status()).isEqualTo(CaseStatus.NEW);
            assertThat(found.firstResponseDueAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        });
        assertThat(published).singleElement().isInstanceOf(CaseOpened.class);
    }

    @Test
    void configuredServiceLevelAppliesToNewCases() {
        Crm strict = Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .serviceLevel(
                        ServiceLevel.standard().with(CasePriority.NORMAL, Duration.ofMinutes(10), Duration.ofHours(1)))
                .build();

        ServiceCase opened = strict.serviceDesk()
                .openCase(NewCase.of(
                        account, null, "Question", CaseChannel.CHAT, CaseCategory.of("general"), CasePriority.NORMAL));

        assertThat(opened.resolutionDueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void caseIsWorkedFromOpeningToClosing() {
        CaseId id = open(CasePriority.NORMAL).id();

        crm.serviceDesk().assign(id, SAM);
        crm.serviceDesk().respond(id);
        crm.serviceDesk().waitForCustomer(id);
        crm.serviceDesk().startWork(id);
        crm.serviceDesk().resolve(id, "Parcel re-sent");
        ServiceCase closed = crm.serviceDesk().close(id);

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.firstRespondedAt()).isEqualTo(NOW);
        assertThat(closed.resolution()).isEqualTo("Parcel re-sent");
        assertThat(crm.serviceDesk().findCase(id).orElseThrow().version()).isEqualTo(7);
        assertThat(published).last().isInstanceOf(CaseClosed.class);
        assertThat(crm.serviceDesk().openCasesOf(SAM, PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void reopenedCaseIsOpenForItsAssigneeAgain() {
        CaseId id = open(CasePriority.NORMAL).id();
        crm.serviceDesk().assign(id, SAM);
        crm.serviceDesk().resolve(id, "Explained the delay");

        crm.serviceDesk().reopen(id, "Still not delivered");

        assertThat(crm.serviceDesk().openCasesOf(SAM, PageRequest.first(10)).items())
                .extracting(ServiceCase::id)
                .containsExactly(id);
    }

    @Test
    void closingAnUnresolvedCaseIsRefusedAndNothingChanges() {
        CaseId id = open(CasePriority.NORMAL).id();
        int eventsBefore = published.size();

        assertThatThrownBy(() -> crm.serviceDesk().close(id))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("NEW")
                .hasMessageContaining("CLOSED");
        assertThat(crm.serviceDesk().findCase(id).orElseThrow().version()).isEqualTo(1);
        assertThat(published).hasSize(eventsBefore);
    }

    @Test
    void resolvingWithoutResolutionIsRefusedNamingTheField() {
        CaseId id = open(CasePriority.NORMAL).id();

        assertThatThrownBy(() -> crm.serviceDesk().resolve(id, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("resolution"));
        assertThat(crm.serviceDesk().findCase(id).orElseThrow().status()).isEqualTo(CaseStatus.NEW);
    }

    @Test
    void caseWithoutCustomerIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> crm.serviceDesk()
                        .openCase(NewCase.of(null, null, "x", CaseChannel.WEB, CaseCategory.of("general"), null)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customer"));
        assertThat(crm.serviceDesk().casesOf(account, PageRequest.first(10)).totalElements())
                .isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void breachingCasesAreTheOpenOnesPastATarget() {
        ServiceCase urgent = open(CasePriority.URGENT);
        ServiceCase answered = open(CasePriority.URGENT);
        crm.serviceDesk().respond(answered.id());
        ServiceCase resolved = open(CasePriority.URGENT);
        crm.serviceDesk().resolve(resolved.id(), "Done");
        open(CasePriority.LOW);

        Crm twoHoursLater = crmAt(NOW.plus(Duration.ofHours(2)));
        Crm nineHoursLater = crmAt(NOW.plus(Duration.ofHours(9)));

        assertThat(twoHoursLater
                        .serviceDesk()
                        .breachingSla(PageRequest.first(10))
                        .items())
                .extracting(ServiceCase::id)
                .containsExactly(urgent.id());
        assertThat(nineHoursLater
                        .serviceDesk()
                        .breachingSla(PageRequest.first(10))
                        .items())
                .extracting(ServiceCase::id)
                .containsExactlyInAnyOrder(urgent.id(), answered.id());
    }

    @Test
    void casesOfAnAccountAreNewestFirst() {
        ServiceCase first = open(CasePriority.LOW);
        ServiceCase second = crmAt(NOW.plusSeconds(60))
                .serviceDesk()
                .openCase(NewCase.of(account, null, "Again", CaseChannel.EMAIL, CaseCategory.of("delivery"), null));

        assertThat(crm.serviceDesk().casesOf(account, PageRequest.first(10)).items())
                .extracting(ServiceCase::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void unknownCaseIsReportedAsNotFound() {
        assertThatThrownBy(() -> crm.serviceDesk().respond(CaseId.of(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void priorityChangeUsesTheConfiguredServiceLevel() {
        CaseId id = open(CasePriority.LOW).id();

        ServiceCase changed = crm.serviceDesk().changePriority(id, CasePriority.URGENT);

        assertThat(changed.resolutionDueAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
    }
}
