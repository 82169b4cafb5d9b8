package org.crmkit.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.crmkit.core.Crm;
import org.crmkit.core.NewLead;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.UtmAttribution;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant START = Instant.parse("2024-01-15T09:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private Crm crm;
    private WorkflowRuntime runtime;
    private Retention retention;
    private UserId owner;

    @BeforeEach
    void retentionOfLeadsForTwoYearsAndOfQuietContactsForThree() {
        InMemoryStorage storage = InMemoryStorage.create(clock);
        crm = Crm.builder().storage(storage).clock(clock).build();
        runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .build();
        retention = Retention.builder(runtime)
                .rule(RetentionRule.leadsNotConvertedWithin(Period.ofMonths(24)))
                .rule(RetentionRule.contactsWithoutActivityFor(Period.ofYears(3)))
                .build();
        owner = UserId.next(new org.crmkit.core.common.IdGenerator(clock));
    }

    private Lead lead(String lastName) {
        return crm.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                "Ann",
                                lastName,
                                null,
                                null,
                                EmailAddress.of(lastName.toLowerCase() + "@example.org"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("web"),
                        null,
                        UtmAttribution.NONE));
    }

    private Contact contact(String lastName) {
        return crm.parties()
                .registerContact(NewContact.of(PersonName.of("Bo", lastName), owner)
                        .withEmail(EmailAddress.of(lastName.toLowerCase() + "@example.net"), ContactPointType.WORK));
    }

    private void waitUntil(Instant instant) {
        clock.set(instant);
    }

    private static Instant after(Period period) {
        return START.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    @Test
    void aLeadNotConvertedWithinTwoYearsIsErasedAndAYoungerOneIsKept() {
        Lead old = lead("Oldfield");
        waitUntil(after(Period.ofMonths(13)));
        Lead young = lead("Youngman");

        waitUntil(after(Period.ofMonths(24)).plus(Duration.ofDays(1)));
        RetentionReport review = retention.review(clock.instant());
        assertThat(review.dueByRule().get("leads-p24m")).containsExactly(RecordRef.lead(old.id()));
        assertThat(review.scheduled()).isZero();
        assertThat(crm.leads().lead(old.id()).orElseThrow().details().lastName())
                .isEqualTo("Oldfield");

        runtime.runDue(clock.instant());

        assertThat(crm.leads().lead(old.id()).orElseThrow().details().lastName())
                .isEqualTo("Erased");
        assertThat(crm.leads().lead(old.id()).orElseThrow().details().email()).isNull();
        assertThat(crm.leads().lead(young.id()).orElseThrow().details().lastName())
                .isEqualTo("Youngman");
    }

    @Test
    void aContactWithoutActivityForThreeYearsIsErasedAndAnActiveOneIsKept() {
        Contact quiet = contact("Quietly");
        Contact active = contact("Activa");
        waitUntil(after(Period.ofMonths(30)));
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.NOTE, null, "Met at the fair", clock.instant())
                        .aboutContact(active.id()));

        waitUntil(after(Period.ofYears(3)).plus(Duration.ofDays(1)));
        RetentionReport report = retention.run(clock.instant());
        runtime.runDue(clock.instant());

        assertThat(report.dueByRule().get("contacts-p3y")).containsExactly(RecordRef.contact(quiet.id()));
        assertThat(report.scheduled()).isEqualTo(1);
        assertThat(crm.parties().contact(quiet.id()).name().lastName()).isEqualTo("Erased");
        assertThat(crm.parties().contact(quiet.id()).contactPoints().emails()).isEmpty();
        assertThat(crm.parties().contact(active.id()).name().lastName()).isEqualTo("Activa");
    }

    @Test
    void runningAgainSchedulesNothingTwice() {
        lead("Oldfield");
        waitUntil(after(Period.ofYears(4)));
        assertThat(retention.run(clock.instant()).scheduled()).isEqualTo(1);
        runtime.runDue(clock.instant());

        RetentionReport again = retention.run(clock.instant());

        assertThat(again.due()).isEqualTo(1);
        assertThat(again.scheduled()).isZero();
        assertThat(runtime.runDue(clock.instant()).planned()).isZero();
    }

    @Test
    void aRuleNeedsAPositivePeriodAndANameOfItsOwn() {
        assertThatThrownBy(() -> RetentionRule.leadsNotConvertedWithin(Period.ZERO))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("keptFor");
        assertThatThrownBy(() -> Retention.builder(runtime)
                        .rule(RetentionRule.leadsNotConvertedWithin(Period.ofMonths(6)))
                        .rule(RetentionRule.leadsNotConvertedWithin(Period.ofMonths(6))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("leads-p6m");
    }
}
