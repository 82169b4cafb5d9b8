package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.sequence.EndReason;
import org.crmkit.workflow.sequence.Enrolment;
import org.crmkit.workflow.sequence.EnrolmentStatus;
import org.crmkit.workflow.sequence.FollowUpSequences;
import org.crmkit.workflow.sequence.Sequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Follow-up sequences on two application instances over one PostgreSQL database (each a {@link JpaStorage} of its
 * own with a {@link JpaWorkflowStore} and a {@link JpaEnrolmentStore}, its own crmkit, runtime and
 * {@link FollowUpSequences}), both running at the same moment: every step's message is planned and sent once and
 * logged once on the contact's timeline, every call task is created once, and no run fails or logs a failure.
 */
class SequenceNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    /** Tuesday 3 March 2026, 10:00 in Berlin: inside the working hours of a business day. */
    private static final Instant TUESDAY_TEN = Instant.parse("2026-03-03T09:00:00Z");

    private static final TemplateRenderer TEMPLATES = PlainTemplates.builder()
            .template("welcome", Locale.ENGLISH, "Welcome, {{firstName}}", "Glad to have you.")
            .template("tips", Locale.ENGLISH, "Three tips", "Three tips for {{firstName}}")
            .build();

    /** What happens, once, while a node renders the welcome of the contact with this first name. */
    private final Map<String, Runnable> whileWelcoming = new ConcurrentHashMap<>();

    private final WorkflowNodes<FollowUpSequences> nodes = new WorkflowNodes<>(
            database,
            SettableClock.at(TUESDAY_TEN.minusSeconds(3600)),
            (runtime, storage) -> FollowUpSequences.builder(runtime)
                    .enrolments(JpaEnrolmentStore.create(storage))
                    .sequence(Sequence.named("onboarding")
                            .email("welcome")
                            .callTask("Onboarding call", null, 1)
                            .email("tips")
                            .build())
                    .templates((template, language, values) -> {
                        Optional.ofNullable(whileWelcoming.remove(values.get("firstName")))
                                .ifPresent(Runnable::run);
                        return TEMPLATES.render(template, language, values);
                    })
                    .build());
    private final UserId rep = UserId.next(new IdGenerator(nodes.clock));

    @AfterEach
    void stopThreads() {
        nodes.close();
    }

    @Test
    void twoNodesRunningAtOnceSendEachStepOnceCreateEachCallTaskOnceAndNeitherRunFails() throws Exception {
        Crm crm = nodes.first().crm();
        List<Contact> customers = new ArrayList<>();
        List<Enrolment> enrolments = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Contact customer = customer("C" + i);
            customers.add(customer);
            enrolments.add(nodes.node(i % 2).workflow().enrol(customer.id(), "onboarding"));
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(nodes.runTogether(TUESDAY_TEN));
            List<Task> calls = crm.activities()
                    .tasksOf(rep, Set.of(TaskStatus.OPEN), PageRequest.first(100))
                    .items();
            assertThat(calls)
                    .hasSize(30)
                    .extracting(Task::link)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(customers.stream()
                            .map(customer -> RecordRef.contact(customer.id()))
                            .toList());
            calls.forEach(call -> crm.activities().complete(call.id()));
            rounds.add(nodes.runTogether(TUESDAY_TEN.plusSeconds(3600)));
            rounds.add(nodes.runTogether(TUESDAY_TEN.plusSeconds(7200)));
        });

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(rounds)
                .containsExactly(new RunReport(30, 30, 0, 0), new RunReport(30, 30, 0, 0), new RunReport(0, 0, 0, 0));
        assertThat(nodes.sent)
                .hasSize(60)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(enrolments.stream()
                        .flatMap(enrolment -> List.of(
                                "sequence:" + enrolment.id() + ":step-0", "sequence:" + enrolment.id() + ":step-2")
                                .stream())
                        .toList());
        customers.forEach(customer -> assertThat(crm.activities()
                        .timeline(customer.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .as(customer.name().fullName())
                .extracting(Activity::subject)
                .containsExactly("Three tips", "Welcome, " + customer.name().firstName()));
        enrolments.forEach(enrolment -> assertThat(nodes.node(1).workflow().findEnrolment(enrolment.id()))
                .hasValueSatisfying(stored -> assertThat(stored.status()).isEqualTo(EnrolmentStatus.COMPLETED)));
    }

    /**
     * Someone ends an enrolment on the other node while a node runs its step: the run's save of the enrolment is
     * stale, so the batch runs again, finds that enrolment ended and takes the steps of the others; nothing fails,
     * nothing is logged, and the ended enrolment's welcome and call task never happen.
     */
    @Test
    void enrolmentEndedOnTheOtherNodeWhileItsStepRunsIsFoundEndedWhenTheBatchRunsAgain() throws Exception {
        Crm crm = nodes.first().crm();
        Enrolment ada = nodes.first().workflow().enrol(customer("Ada").id(), "onboarding");
        Enrolment ben = nodes.first().workflow().enrol(customer("Ben").id(), "onboarding");
        Enrolment cem = nodes.first().workflow().enrol(customer("Cem").id(), "onboarding");
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        whileWelcoming.put("Cem", () -> {
            try {
                otherNode
                        .submit(() -> nodes.node(1).workflow().end(cem.id(), EndReason.BY_HAND))
                        .get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the other node could not end the enrolment", e);
            }
        });
        List<RunReport> rounds = new ArrayList<>();

        String log;
        try {
            log = WorkflowNodes.standardErrorOf(() -> {
                nodes.clock.set(TUESDAY_TEN);
                rounds.add(nodes.first().runtime().runDue(TUESDAY_TEN));
            });
        } finally {
            otherNode.shutdownNow();
        }

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(whileWelcoming).isEmpty();
        assertThat(rounds).containsExactly(new RunReport(2, 2, 0, 0));
        assertThat(nodes.sent)
                .containsExactlyInAnyOrder("sequence:" + ada.id() + ":step-0", "sequence:" + ben.id() + ":step-0");
        assertThat(nodes.first().workflow().findEnrolment(cem.id())).hasValueSatisfying(ended -> {
            assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
            assertThat(ended.endReason()).isEqualTo(EndReason.BY_HAND);
        });
        assertThat(crm.activities()
                        .tasksOf(rep, Set.of(TaskStatus.OPEN), PageRequest.first(10))
                        .items())
                .extracting(Task::link)
                .containsExactlyInAnyOrder(RecordRef.contact(ada.contact()), RecordRef.contact(ben.contact()));
    }

    private Contact customer(String firstName) {
        Crm crm = nodes.first().crm();
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(firstName, "Customer"), rep)
                        .withDetails(new ContactDetails(Locale.ENGLISH, null, ZoneId.of("Europe/Berlin")))
                        .withEmail(
                                EmailAddress.of(firstName.toLowerCase(Locale.ROOT) + "@example.com"),
                                ContactPointType.WORK));
        return crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
    }
}
