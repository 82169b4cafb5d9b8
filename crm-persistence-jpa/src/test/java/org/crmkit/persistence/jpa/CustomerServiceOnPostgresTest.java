package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.service.CaseConversation;
import org.crmkit.workflow.service.CustomerService;
import org.crmkit.workflow.service.InboundMessage;
import org.crmkit.workflow.service.Milestone;
import org.crmkit.workflow.service.Received;
import org.crmkit.workflow.service.ServiceChannel;
import org.crmkit.workflow.service.SlaPolicy;
import org.crmkit.workflow.service.SurveyAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Customer service on PostgreSQL: crmkit, the workflow runtime and the conversations in one database and its
 * transactions; a case opened by e-mail is warned about, escalated, answered in the same thread, resolved and
 * surveyed, and every step is read back from the database.
 */
class CustomerServiceOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    /** Monday 1 June 2026, 09:00 in Warsaw. */
    private static final Instant MONDAY_NINE_WARSAW = Instant.parse("2026-06-01T07:00:00Z");

    private final SettableClock clock = SettableClock.at(MONDAY_NINE_WARSAW);
    private final JpaStorage storage = database.storage(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(JpaWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final CustomerService service = CustomerService.builder(runtime)
            .store(JpaConversationStore.create(storage))
            .policy(SlaPolicy.of("two hours", Duration.ofHours(2), Duration.ofHours(16))
                    .warningBefore(Duration.ofMinutes(30)))
            .surveyLinks(conversation -> "https://shop.example/survey/" + conversation.reference())
            .build();

    @Test
    void anEmailCaseIsEscalatedThreadedResolvedAndSurveyedInOneDatabase() {
        User agent = crm.access().registerUser("Agent", EmailAddress.of("agent@shop.example"), Set.of(Role.SERVICE));
        User lead = crm.access().registerUser("Lead", EmailAddress.of("lead@shop.example"), Set.of(Role.MANAGER));
        crm.access()
                .addTeamMember(crm.access().createTeam("Support PL", lead.id()).id(), agent.id());
        customer(agent.id());
        Received received = service.receive(InboundMessage.of(
                ServiceChannel.EMAIL, "anna@example.pl", "Broken lid", "The lid broke.", clock.instant()));
        crm.serviceDesk().assign(received.serviceCase().id(), agent.id());

        TimeFixture.at(clock).everyTick(Duration.ofMinutes(15), runtime::runDue).whenTimeElapses(Duration.ofHours(3));
        service.reply(received.serviceCase().id(), ServiceChannel.EMAIL, "A new lid is on its way.");
        Received answer = service.receive(InboundMessage.of(
                ServiceChannel.EMAIL,
                "anna@example.pl",
                "Re: Broken lid [" + received.conversation().reference() + "]",
                "Thank you!",
                clock.instant()));
        service.resolve(received.serviceCase().id(), "New lid sent");
        runtime.runDue(clock.instant());
        service.recordSurvey(received.serviceCase().id(), new SurveyAnswer(3, 7, null, clock.instant()));

        CaseConversation stored =
                service.conversation(received.serviceCase().id()).orElseThrow();
        assertThat(answer.opened()).isFalse();
        assertThat(stored.entries()).hasSize(3);
        assertThat(stored.sla().target(Milestone.FIRST_RESPONSE).onTime()).isFalse();
        assertThat(stored.sla().target(Milestone.FIRST_RESPONSE).escalated()).isTrue();
        assertThat(stored.survey().csat()).isEqualTo(3);
        assertThat(crm.serviceDesk()
                        .findCase(received.serviceCase().id())
                        .orElseThrow()
                        .assignee())
                .isEqualTo(lead.id());
        assertThat(crm.activities()
                        .tasksOf(lead.id(), Set.of(TaskStatus.OPEN), PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(gateway.sent())
                .extracting(sent -> sent.message().subject())
                .containsExactly(
                        "Re: Broken lid [" + received.conversation().reference() + "]",
                        "How did we do? Case " + received.conversation().reference());
        assertThat(service.compliance(MONDAY_NINE_WARSAW, MONDAY_NINE_WARSAW.plus(Duration.ofDays(1)))
                        .team("Support PL"))
                .hasValueSatisfying(
                        team -> assertThat(team.firstResponsesMissed()).isEqualTo(1));
    }

    private Contact customer(UserId owner) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Anna", "Kowalska"), owner)
                        .withDetails(new ContactDetails(Locale.ENGLISH, null, ZoneId.of("Europe/Warsaw")))
                        .withEmail(EmailAddress.of("anna@example.pl"), ContactPointType.HOME)
                        .withAddress(PostalAddress.of("Rynek 1", "00-001", "Warszawa", "PL"), ContactPointType.HOME));
        return crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "order form");
    }
}
