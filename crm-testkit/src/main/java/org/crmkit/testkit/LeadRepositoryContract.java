package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadScore;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.lead.QualificationLevel;
import org.crmkit.core.lead.ScoreContribution;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.testkit.fixtures.LeadMother;
import org.junit.jupiter.api.Test;

/** What every {@link LeadRepository} must do. */
public abstract class LeadRepositoryContract extends StorageContract {

    private LeadRepository leads() {
        return storage.leads();
    }

    private Lead save(Lead lead) {
        return storage.transactions().inTransaction(() -> leads().save(lead));
    }

    private static List<LeadId> idsOf(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    @Test
    void roundTripKeepsEveryField() {
        Lead lead = LeadMother.aLead(
                TENANT_A, ids, clock, EmailAddress.of("Jane@Initech.example"), PhoneNumber.parse("+49 30 1234567"));
        lead.assignByRule("Berlin territory", UserId.next(ids), "country is DE, region is Berlin", clock);
        lead.rescore(
                new LeadScore(
                        37,
                        List.of(
                                new ScoreContribution("CTO title", 30, "title 'CTO' contains 'cto'"),
                                new ScoreContribution("Webinar", 10, "1 × campaign response × 10"),
                                new ScoreContribution(
                                        "decay", -3, "4 days since the last engagement, half-life 30 days")),
                        clock.instant(),
                        QualificationLevel.MARKETING_QUALIFIED),
                clock);
        lead.qualify(clock);
        lead.recordConversion(ContactId.next(ids), AccountId.next(ids), OpportunityId.next(ids), clock);

        save(lead);

        Lead found = leads().findById(TENANT_A, lead.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(lead.state());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void findsByNormalisedEmailAndByPhone() {
        Lead jane = save(LeadMother.aLead(
                TENANT_A, ids, clock, EmailAddress.of("Jane@Initech.example"), PhoneNumber.parse("+49 30 1234567")));
        clock.advance(Duration.ofSeconds(1));
        Lead again = save(LeadMother.aLead(TENANT_A, ids, clock, EmailAddress.of("jane@initech.EXAMPLE"), null));
        save(LeadMother.aLead(TENANT_A, ids, clock));

        assertThat(idsOf(leads().findByEmail(TENANT_A, EmailAddress.of("JANE@initech.example"))))
                .containsExactly(jane.id(), again.id());
        assertThat(idsOf(leads().findByPhone(TENANT_A, PhoneNumber.parse("+49301234567"))))
                .containsExactly(jane.id());
        assertThat(leads().findByPhone(TENANT_A, PhoneNumber.parse("+49 30 7654321")))
                .isEmpty();
    }

    @Test
    void findsByCompanyNameInNormalFormInEveryStatus() {
        Lead initech = save(LeadMother.aLeadFrom(TENANT_A, ids, clock, "Initech GmbH"));
        clock.advance(Duration.ofSeconds(1));
        Lead spaced = LeadMother.aLeadFrom(TENANT_A, ids, clock, "INITECH   gmbh");
        spaced.disqualify("duplicate", clock);
        save(spaced);
        save(LeadMother.aLeadFrom(TENANT_A, ids, clock, "Initech"));
        save(LeadMother.aLeadFrom(TENANT_A, ids, clock, null));
        save(LeadMother.aLeadFrom(TENANT_B, ids, clock, "Initech GmbH"));

        assertThat(idsOf(leads().findByCompanyName(TENANT_A, " initech\tGmbH ")))
                .containsExactly(initech.id(), spaced.id());
        assertThat(leads().findByCompanyName(TENANT_A, "Initrode GmbH")).isEmpty();
        assertThatThrownBy(() -> leads().findByCompanyName(TENANT_A, " "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("companyName"));
    }

    @Test
    void aStatusChangeKeepsTheCompanyNameLookup() {
        Lead stored = save(LeadMother.aLeadFrom(TENANT_A, ids, clock, "Initech GmbH"));
        stored.qualify(clock);
        save(stored);

        assertThat(leads().findByCompanyName(TENANT_A, "initech gmbh"))
                .singleElement()
                .satisfies(lead -> assertThat(lead.status()).isEqualTo(LeadStatus.QUALIFIED));
    }

    @Test
    void aStatusChangeKeepsTheOwnerLookupCurrent() {
        UserId owner = UserId.next(ids);
        Lead lead = LeadMother.aLead(TENANT_A, ids, clock);
        lead.assignTo(owner, clock);
        Lead stored = save(lead);
        stored.startWorking(clock);
        save(stored);

        assertThat(leads().findByOwnerAndStatus(TENANT_A, owner, LeadStatus.NEW, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(idsOf(leads().findByOwnerAndStatus(TENANT_A, owner, LeadStatus.WORKING, PageRequest.first(10))
                        .items()))
                .containsExactly(lead.id());
    }

    @Test
    void listsByOwnerAndStatusAndByStatusInCaptureOrderInPages() {
        UserId owner = UserId.next(ids);
        List<LeadId> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Lead lead = LeadMother.aLead(TENANT_A, ids, clock);
            lead.assignTo(owner, clock);
            expected.add(save(lead).id());
            clock.advance(Duration.ofMinutes(1));
        }
        Lead otherOwner = LeadMother.aLead(TENANT_A, ids, clock);
        otherOwner.assignTo(UserId.next(ids), clock);
        save(otherOwner);
        Lead disqualified = LeadMother.aLead(TENANT_A, ids, clock);
        disqualified.assignTo(owner, clock);
        disqualified.disqualify("spam", clock);
        save(disqualified);

        Page<Lead> first = leads().findByOwnerAndStatus(TENANT_A, owner, LeadStatus.NEW, PageRequest.of(0, 3));
        Page<Lead> second = leads().findByOwnerAndStatus(TENANT_A, owner, LeadStatus.NEW, PageRequest.of(1, 3));
        assertThat(first.totalElements()).isEqualTo(5);
        assertThat(idsOf(first.items())).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(idsOf(second.items())).containsExactlyElementsOf(expected.subList(3, 5));

        Page<Lead> allNew = leads().findByStatus(TENANT_A, LeadStatus.NEW, PageRequest.first(10));
        assertThat(allNew.totalElements()).isEqualTo(6);
        assertThat(idsOf(allNew.items()).subList(0, 5)).containsExactlyElementsOf(expected);
        assertThat(idsOf(leads().findByStatus(TENANT_A, LeadStatus.DISQUALIFIED, PageRequest.first(10))
                        .items()))
                .containsExactly(disqualified.id());
    }

    @Test
    void aStaleCopyIsRefused() {
        Lead stored = save(LeadMother.aLead(TENANT_A, ids, clock));
        Lead one = leads().findById(TENANT_A, stored.id()).orElseThrow();
        Lead two = leads().findById(TENANT_A, stored.id()).orElseThrow();
        one.qualify(clock);
        two.disqualify("duplicate", clock);

        save(one);

        assertThatThrownBy(() -> save(two)).isInstanceOf(StaleVersionException.class);
        assertThat(leads().findById(TENANT_A, stored.id()).orElseThrow().status())
                .isEqualTo(LeadStatus.QUALIFIED);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheLead() {
        EmailAddress email = EmailAddress.of("jane@initech.example");
        PhoneNumber phone = PhoneNumber.parse("+49 30 1234567");
        UserId owner = UserId.next(ids);
        Lead lead = LeadMother.aLead(TENANT_A, ids, clock, email, phone);
        lead.assignTo(owner, clock);
        Lead stored = save(lead);

        assertThat(leads().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(leads().findByEmail(TENANT_B, email)).isEmpty();
        assertThat(leads().findByPhone(TENANT_B, phone)).isEmpty();
        assertThat(leads().findByCompanyName(TENANT_B, stored.details().companyName()))
                .isEmpty();
        assertThat(leads().findByStatus(TENANT_B, LeadStatus.NEW, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(leads().findByOwnerAndStatus(TENANT_B, owner, LeadStatus.NEW, PageRequest.first(10))
                        .items())
                .isEmpty();
        LeadState s = stored.state();
        Lead intruder = Lead.restore(new LeadState(
                TENANT_B,
                s.id(),
                s.version(),
                s.details(),
                s.source(),
                s.campaign(),
                s.utm(),
                LeadStatus.DISQUALIFIED,
                "hijacked",
                s.owner(),
                s.score(),
                s.scoreBreakdown(),
                s.qualification(),
                s.scoredAt(),
                s.lastEngagementAt(),
                s.assignment(),
                s.capturedAt(),
                s.conversion()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(leads().findById(TENANT_A, stored.id()).orElseThrow().status())
                .isEqualTo(LeadStatus.NEW);
    }

    @Test
    void concurrentScoreChangesAreNotLost() throws InterruptedException {
        Lead stored = save(LeadMother.aLead(TENANT_A, ids, clock));
        int writers = 6;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        Lead lead = leads().findById(TENANT_A, stored.id()).orElseThrow();
                        lead.rescore(
                                LeadScore.manual(lead.score() + 5, "writer", QualificationLevel.UNQUALIFIED), clock);
                        save(lead);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(leads().findById(TENANT_A, stored.id()).orElseThrow().score())
                .isEqualTo(5 * writers);
    }
}
