package org.crmkit.workflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.Collisions;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/**
 * Enrolments are run in batches, one transaction each. A batch whose save collides with a change another node
 * committed first (the store answers {@link StaleVersionException}) is run again in a fresh transaction: each step
 * is taken once and its message planned once; a batch that keeps colliding is left to the next run, which takes its
 * steps. An enrolment whose step cannot be taken (its sequence's template is missing) does not hold back the others
 * of its batch: they take their steps, the failing one is left for the next run, and the run itself does not fail.
 */
class SequenceBatchesTest {

    /** Tuesday 7 April 2026, 10:00 in Berlin: inside the working hours of a business day. */
    private static final Instant TUESDAY_TEN = Instant.parse("2026-04-07T08:00:00Z");

    private final SettableClock clock = SettableClock.at(TUESDAY_TEN);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final AtomicInteger collisionsLeft = new AtomicInteger();
    private final FollowUpSequences sequences = FollowUpSequences.builder(runtime)
            .enrolments(Collisions.on(
                    EnrolmentStore.class,
                    InMemoryEnrolmentStore.create(storage),
                    "update",
                    collisionsLeft,
                    () -> new StaleVersionException("Enrolment", "(saved by another node)", 1, 2)))
            .sequence(Sequence.named("onboarding")
                    .email("welcome")
                    .waitBusinessDays(2)
                    .email("tips")
                    .build())
            .sequence(Sequence.named("renewal").email("renewal-offer").build())
            .templates(PlainTemplates.builder()
                    .template("welcome", Locale.ENGLISH, "Welcome, {{firstName}}", "Glad to have you.")
                    .template("tips", Locale.ENGLISH, "Three tips", "Three tips for {{firstName}}")
                    .build())
            .build();
    private final UserId rep = UserId.next(new IdGenerator(clock));

    private Enrolment enrolled(String firstName) {
        return enrolled(firstName, "onboarding");
    }

    private Enrolment enrolled(String firstName, String sequence) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(firstName, "Customer"), rep)
                        .withDetails(new ContactDetails(Locale.ENGLISH, null, ZoneId.of("Europe/Berlin")))
                        .withEmail(
                                EmailAddress.of(firstName.toLowerCase(Locale.ROOT) + "@example.com"),
                                ContactPointType.WORK));
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
        return sequences.enrol(contact.id(), sequence);
    }

    @Test
    void batchWhoseSaveCollidesTwiceIsRunAgainAndEachWelcomeGoesOutOnce() {
        List<Enrolment> enrolments = List.of(enrolled("Ada"), enrolled("Ben"), enrolled("Cem"));
        collisionsLeft.set(2);

        RunReport report = runtime.runDue(clock.instant());

        assertThat(collisionsLeft).hasValue(0);
        assertThat(report).isEqualTo(new RunReport(3, 3, 0, 0));
        assertThat(gateway.keys())
                .containsExactlyInAnyOrderElementsOf(enrolments.stream()
                        .map(enrolment -> "sequence:" + enrolment.id() + ":step-0")
                        .toList());
        enrolments.forEach(enrolment -> assertThat(
                        sequences.findEnrolment(enrolment.id()).orElseThrow().nextStep())
                .isEqualTo(2));
        assertThat(runtime.runDue(clock.instant())).isEqualTo(new RunReport(0, 0, 0, 0));
    }

    @Test
    void batchThatKeepsCollidingIsLeftToTheNextRunWhichTakesItsSteps() {
        Enrolment ada = enrolled("Ada");
        collisionsLeft.set(5);

        RunReport collided = runtime.runDue(clock.instant());
        RunReport next = runtime.runDue(clock.instant());

        assertThat(collided).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(next).isEqualTo(new RunReport(1, 1, 0, 0));
        assertThat(gateway.keys()).containsExactly("sequence:" + ada.id() + ":step-0");
        assertThat(sequences.findEnrolment(ada.id()).orElseThrow().nextStep()).isEqualTo(2);
    }

    @Test
    void enrolmentWhoseTemplateIsMissingIsLeftForTheNextRunWhileTheOthersOfItsBatchTakeTheirSteps() {
        Enrolment ada = enrolled("Ada", "onboarding");
        Enrolment broken = enrolled("Ben", "renewal");
        Enrolment cem = enrolled("Cem", "onboarding");

        RunReport report = runtime.runDue(clock.instant());

        assertThat(report).isEqualTo(new RunReport(2, 2, 0, 0));
        assertThat(gateway.keys())
                .containsExactlyInAnyOrder("sequence:" + ada.id() + ":step-0", "sequence:" + cem.id() + ":step-0");
        assertThat(sequences.findEnrolment(broken.id()).orElseThrow()).satisfies(stuck -> {
            assertThat(stuck.status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(stuck.nextStep()).isZero();
        });
        assertThat(runtime.runDue(clock.instant())).isEqualTo(new RunReport(0, 0, 0, 0));
    }
}
