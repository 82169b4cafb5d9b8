package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStatus;
import org.junit.jupiter.api.Test;

class LeadsTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final Crm crm = Crm.builder()
            .storage(InMemoryStorage.create(clock))
            .clock(clock)
            .eventListener(entry -> published.add(entry.event()))
            .build();
    final Leads leads = crm.leads();

    Lead capture(String email, String phone) {
        return leads.captureAnyway(new NewLead(
                new LeadDetails(
                        "Jane",
                        "Doe",
                        "Initech",
                        null,
                        email == null ? null : EmailAddress.of(email),
                        phone == null ? null : PhoneNumber.parse(phone),
                        null,
                        null,
                        null),
                LeadSource.of("web"),
                null,
                null));
    }

    @Test
    void capturedLeadsAreFoundByNormalisedEmailAndPhone() {
        Lead jane = capture("Jane@Initech.example", "+49 30 1234567");
        capture("other@initech.example", null);

        assertThat(leads.leadsWithEmail(EmailAddress.of("jane@INITECH.example")))
                .extracting(Lead::id)
                .containsExactly(jane.id());
        assertThat(leads.leadsWithPhone(PhoneNumber.parse("+49301234567")))
                .extracting(Lead::id)
                .containsExactly(jane.id());
        assertThat(published).extracting(DomainEvent::eventType).containsExactly("LeadCaptured", "LeadCaptured");
    }

    @Test
    void aLeadIsWorkedByItsOwnerAndQualified() {
        Lead lead = capture("jane@initech.example", null);
        UserId owner = UserId.of(UUID.randomUUID());

        leads.assign(lead.id(), owner);
        leads.startWorking(lead.id());
        assertThat(leads.leadsOf(owner, LeadStatus.WORKING, PageRequest.first(10))
                        .items())
                .extracting(Lead::id)
                .containsExactly(lead.id());
        leads.qualify(lead.id());

        assertThat(leads.lead(lead.id()).orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(leads.leadsIn(LeadStatus.QUALIFIED, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
        assertThat(leads.leadsOf(owner, LeadStatus.WORKING, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(published)
                .extracting(DomainEvent::eventType)
                .containsExactly("LeadCaptured", "LeadAssigned", "LeadStatusChanged", "LeadStatusChanged");
    }

    @Test
    void disqualifyingNeedsAReasonAndAnIllegalStepStoresNothing() {
        Lead lead = capture("jane@initech.example", null);

        assertThatThrownBy(() -> leads.disqualify(lead.id(), null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        leads.disqualify(lead.id(), "competitor customer");
        assertThatThrownBy(() -> leads.qualify(lead.id())).isInstanceOf(IllegalTransitionException.class);

        Lead stored = leads.lead(lead.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void aLeadWithoutNameEmailOrPhoneIsNotCaptured() {
        assertThatThrownBy(() -> leads.capture(new NewLead(
                        new LeadDetails("Jane", null, "Initech", null, null, null, null, null, null),
                        LeadSource.of("web"),
                        null,
                        null)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
        assertThat(leads.leadsIn(LeadStatus.NEW, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anUnknownLeadIsReportedAsNotFound() {
        assertThatThrownBy(() -> leads.qualify(LeadId.of(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
    }
}
