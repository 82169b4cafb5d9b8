package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class LeadTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    static LeadDetails jane() {
        return new LeadDetails(
                "Jane",
                "Doe",
                "Initech",
                "CTO",
                EmailAddress.of("Jane.Doe@Initech.example"),
                PhoneNumber.parse("+49 30 1234567"),
                CountryCode.of("de"),
                "Software",
                250);
    }

    static Lead lead() {
        return Lead.capture(
                TenantId.of("acme"),
                LeadId.of(UUID.randomUUID()),
                jane(),
                LeadSource.of("Web-Form"),
                CampaignId.of(UUID.randomUUID()),
                new UtmAttribution("newsletter", "email", "spring", null, " "),
                CLOCK);
    }

    @Test
    void aCapturedLeadIsNewWithItsAttribution() {
        Lead lead = lead();

        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.source().value()).isEqualTo("web-form");
        assertThat(lead.utm().campaign()).isEqualTo("spring");
        assertThat(lead.utm().content()).isNull();
        assertThat(lead.details().personName()).isEqualTo("Jane Doe");
        assertThat(lead.capturedAt()).isEqualTo(CLOCK.instant());
        assertThat(lead.pendingEvents()).singleElement().isInstanceOf(LeadCaptured.class);
    }

    @Test
    void aLeadNeedsANameAnEmailOrAPhone() {
        assertThatThrownBy(() -> new LeadDetails("Jane", null, "Initech", null, null, null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
        assertThat(new LeadDetails(null, null, null, null, EmailAddress.of("a@b.example"), null, null, null, null)
                        .personName())
                .isNull();
    }

    @Test
    void badSourcesAndSizesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> LeadSource.of("trade fair!"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThatThrownBy(() -> LeadSource.of(" "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThatThrownBy(() -> new LeadDetails(null, "Doe", null, null, null, null, null, null, 0))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("employeeCount"));
    }

    @Test
    void aLeadIsWorkedQualifiedAndConverted() {
        Lead lead = lead();
        ContactId contact = ContactId.of(UUID.randomUUID());
        AccountId account = AccountId.of(UUID.randomUUID());
        OpportunityId deal = OpportunityId.of(UUID.randomUUID());

        lead.startWorking(CLOCK);
        lead.qualify(CLOCK);
        lead.recordConversion(contact, account, deal, CLOCK);

        assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(lead.conversion()).isEqualTo(new LeadConversion(contact, account, deal, CLOCK.instant()));
        assertThat(lead.pendingEvents())
                .extracting(e -> e.eventType())
                .containsExactly(
                        "LeadCaptured", "LeadStatusChanged", "LeadStatusChanged", "LeadStatusChanged", "LeadConverted");
    }

    @Test
    void aLeadIsConvertedOnlyOnceAndOnlyWhenQualified() {
        Lead lead = lead();
        assertThatThrownBy(() -> lead.recordConversion(
                        ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), null, CLOCK))
                .isInstanceOf(IllegalTransitionException.class);

        lead.qualify(CLOCK);
        lead.recordConversion(ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), null, CLOCK);

        assertThatThrownBy(() -> lead.recordConversion(
                        ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), null, CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lead.disqualify("spam", CLOCK)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aDisqualifiedLeadKeepsItsReasonAndIsClosed() {
        Lead lead = lead();

        lead.disqualify("no budget", CLOCK);

        assertThat(lead.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(lead.disqualificationReason()).isEqualTo("no budget");
        assertThat(lead.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        LeadStatusChanged.class, e -> assertThat(e.reason()).isEqualTo("no budget"));
        assertThatThrownBy(() -> lead.startWorking(CLOCK)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lead.assignTo(UserId.of(UUID.randomUUID()), CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> lead.disqualify(" ", CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void workingCanOnlyStartOnANewLead() {
        Lead lead = lead();
        lead.startWorking(CLOCK);

        assertThatThrownBy(() -> lead.startWorking(CLOCK)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void assigningAndScoringAreRecorded() {
        Lead lead = lead();
        UserId owner = UserId.of(UUID.randomUUID());

        lead.assignTo(owner, CLOCK);
        lead.assignTo(owner, CLOCK);
        lead.rescore(LeadScore.manual(42, "anna", QualificationLevel.UNQUALIFIED), CLOCK);

        assertThat(lead.owner()).isEqualTo(owner);
        assertThat(lead.score()).isEqualTo(42);
        assertThat(lead.scoredAt()).isEqualTo(CLOCK.instant());
        assertThat(lead.pendingEvents())
                .filteredOn(LeadAssigned.class::isInstance)
                .hasSize(1);
        assertThat(lead.pendingEvents()).last().isInstanceOf(LeadScored.class);
        assertThatThrownBy(() -> LeadScore.manual(-1, "anna", QualificationLevel.UNQUALIFIED))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("points"));
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        Lead lead = lead();
        lead.assignTo(UserId.of(UUID.randomUUID()), CLOCK);
        lead.rescore(LeadScore.manual(12, "anna", QualificationLevel.MARKETING_QUALIFIED), CLOCK);
        lead.qualify(CLOCK);
        lead.recordConversion(ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), null, CLOCK);

        assertThat(Lead.restore(lead.state()).state()).isEqualTo(lead.state());
    }

    @Test
    void onlyAQualifiedLeadIsConvertibleAndAConvertedOneIsNoLongerOpen() {
        Lead lead = lead();
        assertThatThrownBy(lead::checkConvertible)
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("NEW")
                .hasMessageContaining("CONVERTED");

        lead.qualify(CLOCK);
        lead.checkConvertible();
        assertThat(lead.isOpen()).isTrue();
        lead.recordConversion(ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), null, CLOCK);

        assertThat(lead.isOpen()).isFalse();
        assertThatThrownBy(lead::checkConvertible).isInstanceOf(IllegalTransitionException.class);
        assertThat(LeadStatus.open()).allMatch(LeadStatus::isOpen).hasSize(3);
    }
}
