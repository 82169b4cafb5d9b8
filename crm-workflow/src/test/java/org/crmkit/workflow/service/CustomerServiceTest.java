package org.crmkit.workflow.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class CustomerServiceTest {

    /** Monday 1 June 2026, 09:00 in Warsaw. */
    private static final Instant MONDAY_NINE_WARSAW = Instant.parse("2026-06-01T07:00:00Z");

    private final SettableClock clock = SettableClock.at(MONDAY_NINE_WARSAW);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final UserId owner = UserId.next(new IdGenerator(clock));

    private CustomerService service(SlaPolicy... policies) {
        CustomerService.Builder builder = CustomerService.builder(runtime)
                .store(InMemoryConversationStore.create(storage))
                .surveyLinks(conversation -> "https://shop.example/survey/" + conversation.reference());
        for (SlaPolicy policy : policies) {
            builder.policy(policy);
        }
        return builder.build();
    }

    private Contact customer(String first, String country, String zone, Locale language) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, "Kowalska"), owner)
                        .withDetails(new ContactDetails(language, null, ZoneId.of(zone)))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"), ContactPointType.WORK)
                        .withAddress(
                                PostalAddress.of("Main Street 1", "00-001", "Town", country), ContactPointType.HOME));
        return crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "order form");
    }

    private InboundMessage email(String from, String subject) {
        return InboundMessage.of(ServiceChannel.EMAIL, from, subject, "The lid of my kettle broke.", clock.instant());
    }

    @Test
    void anEmailOpensACaseAndTheCustomersAnswerToTheReplyThreadsIntoIt() {
        CustomerService service = service();
        Contact anna = customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));

        Received first = service.receive(email("anna@example.com", "Broken lid"));
        clock.advance(Duration.ofMinutes(30));
        service.reply(first.serviceCase().id(), ServiceChannel.EMAIL, "We are sending a new lid.");
        runtime.runDue(clock.instant());
        clock.advance(Duration.ofMinutes(30));
        String reference = first.conversation().reference();
        Received answer = service.receive(email("anna@example.com", "RE: Re: Broken lid [" + reference + "]"));

        assertThat(first.opened()).isTrue();
        assertThat(first.serviceCase().status()).isEqualTo(CaseStatus.NEW);
        assertThat(reference).matches("CASE-[0-9A-F]{10}");
        assertThat(gateway.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.message().subject()).isEqualTo("Re: Broken lid [" + reference + "]");
            assertThat(sent.message().address()).isEqualTo("anna@example.com");
        });
        assertThat(answer.opened()).isFalse();
        assertThat(answer.serviceCase().id()).isEqualTo(first.serviceCase().id());
        assertThat(answer.conversation().entries())
                .extracting(ConversationEntry::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND);
        List<Activity> timeline = crm.activities()
                .timeline(anna.id(), TimelineFilter.ALL, PageRequest.first(10))
                .items();
        assertThat(timeline).hasSize(3);
        assertThat(timeline)
                .filteredOn(activity -> activity.direction() == Direction.OUTBOUND)
                .hasSize(1);
    }

    @Test
    void aReferenceInTheHeadersThreadsToo_andTheChannelMayChange() {
        CustomerService service = service();
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received chat = service.receive(InboundMessage.of(
                ServiceChannel.CHAT,
                "anna@example.com",
                "Chat about my order",
                "Where is my parcel?",
                clock.instant()));

        Received email = service.receive(email("anna@example.com", "Another question")
                .withHeaders(Map.of("In-Reply-To", "<" + chat.conversation().reference() + ".1@shop.example>")));
        service.reply(chat.serviceCase().id(), ServiceChannel.EMAIL, "Your parcel left today.");

        assertThat(email.opened()).isFalse();
        assertThat(service.conversation(chat.serviceCase().id()).orElseThrow().entries())
                .extracting(ConversationEntry::channel)
                .containsExactly(ServiceChannel.CHAT, ServiceChannel.EMAIL, ServiceChannel.EMAIL);
        assertThatThrownBy(() -> service.reply(chat.serviceCase().id(), ServiceChannel.WEB_FORM, "Hello"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("channel"));
    }

    @Test
    void firstResponseIsDueInBusinessHoursOfTheCustomersCountrySkippingItsHolidays() {
        CustomerService service = service(SlaPolicy.of("four hours", Duration.ofHours(4), Duration.ofHours(16)));
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        customer("Greta", "DE", "Europe/Berlin", Locale.GERMAN);
        // Wednesday 3 June 2026, 15:00 in Warsaw and Berlin; Thursday is Corpus Christi in Poland only
        clock.set(Instant.parse("2026-06-03T13:00:00Z"));

        Received polish = service.receive(email("anna@example.com", "Broken lid"));
        Received german = service.receive(email("greta@example.com", "Broken lid"));

        assertThat(polish.conversation().sla().target(Milestone.FIRST_RESPONSE).dueAt())
                .isEqualTo(Instant.parse("2026-06-05T09:00:00Z"));
        assertThat(german.conversation().sla().target(Milestone.FIRST_RESPONSE).dueAt())
                .isEqualTo(Instant.parse("2026-06-04T09:00:00Z"));
    }

    @Test
    void chinasAdjustedWorkingSaturdayCountsAsABusinessDay() {
        CustomerService service = service(SlaPolicy.of("four hours", Duration.ofHours(4), Duration.ofHours(40)));
        customer("Wei", "CN", "Asia/Shanghai", Locale.forLanguageTag("zh"));
        // Friday 13 February 2026, 16:00 in Shanghai; Saturday the 14th is worked before the Spring Festival week
        clock.set(Instant.parse("2026-02-13T08:00:00Z"));

        Received received = service.receive(email("wei@example.com", "Broken lid"));

        assertThat(received.conversation()
                        .sla()
                        .target(Milestone.FIRST_RESPONSE)
                        .dueAt())
                .isEqualTo(Instant.parse("2026-02-14T04:00:00Z"));
        // 1 hour on Friday, 8 on Saturday, the festival week (15 to 23 February) off, 8 hours each from Tuesday
        // the 24th to Thursday the 26th, and the last 7 on Friday the 27th until 16:00
        assertThat(received.conversation().sla().target(Milestone.RESOLUTION).dueAt())
                .isEqualTo(Instant.parse("2026-02-27T08:00:00Z"));
    }

    @Test
    void waitingOnTheCustomerPausesTheResolutionClock() {
        CustomerService service = service(SlaPolicy.of("one day", Duration.ofHours(2), Duration.ofHours(8)));
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received received = service.receive(email("anna@example.com", "Broken lid"));
        String reference = received.conversation().reference();

        clock.advance(Duration.ofHours(1));
        service.reply(received.serviceCase().id(), ServiceChannel.EMAIL, "Which model is it?");
        CaseConversation waiting =
                service.waitForCustomer(received.serviceCase().id());
        clock.set(Instant.parse("2026-06-03T07:00:00Z"));
        Received answer = service.receive(email("anna@example.com", "Re: Broken lid [" + reference + "]"));

        assertThat(waiting.sla().paused()).isTrue();
        assertThat(waiting.sla().consumed()).isEqualTo(Duration.ofHours(1));
        assertThat(answer.serviceCase().status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(answer.conversation().sla().target(Milestone.FIRST_RESPONSE).onTime())
                .isTrue();
        assertThat(answer.conversation().sla().target(Milestone.RESOLUTION).dueAt())
                .isEqualTo(Instant.parse("2026-06-03T14:00:00Z"));
    }

    @Test
    void aBreachIsWarnedBeforeAndThenEscalatedToTheTeamLeadWithATask() {
        CustomerService service = service(SlaPolicy.of("two hours", Duration.ofHours(2), Duration.ofHours(16))
                .warningBefore(Duration.ofMinutes(30)));
        User agent = crm.access().registerUser("Agent", EmailAddress.of("agent@shop.example"), Set.of(Role.SERVICE));
        User lead = crm.access().registerUser("Lead", EmailAddress.of("lead@shop.example"), Set.of(Role.MANAGER));
        crm.access()
                .addTeamMember(crm.access().createTeam("Support PL", lead.id()).id(), agent.id());
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received received = service.receive(email("anna@example.com", "Broken lid"));
        crm.serviceDesk().assign(received.serviceCase().id(), agent.id());
        TimeFixture time = TimeFixture.at(clock).everyTick(Duration.ofMinutes(15), runtime::runDue);

        time.whenTimeElapses(Duration.ofMinutes(100));
        List<Task> agentTasks = openTasks(agent.id());
        time.whenTimeElapses(Duration.ofMinutes(30));

        assertThat(agentTasks)
                .singleElement()
                .satisfies(task -> assertThat(task.subject()).startsWith("SLA warning: first response due"));
        assertThat(crm.serviceDesk()
                        .findCase(received.serviceCase().id())
                        .orElseThrow()
                        .assignee())
                .isEqualTo(lead.id());
        assertThat(openTasks(lead.id()))
                .singleElement()
                .satisfies(task -> assertThat(task.subject())
                        .startsWith("SLA breached: first response overdue - Broken lid ["
                                + received.conversation().reference()));
        time.whenTimeElapses(Duration.ofHours(2));
        assertThat(openTasks(lead.id())).hasSize(1);
        assertThat(openTasks(agent.id())).hasSize(1);
    }

    @Test
    void aResolvedCaseSendsTheSurveyInTheCustomersLanguageAndKeepsTheAnswer() {
        CustomerService service = service();
        Contact anna = customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received received = service.receive(email("anna@example.com", "Broken lid"));
        clock.advance(Duration.ofHours(1));

        CaseConversation resolved = service.resolve(received.serviceCase().id(), "New lid sent");
        runtime.runDue(clock.instant());
        CaseConversation answered = service.recordSurvey(
                received.serviceCase().id(), new SurveyAnswer(5, 9, "Fast and friendly", clock.instant()));

        assertThat(resolved.sla().target(Milestone.RESOLUTION).onTime()).isTrue();
        assertThat(resolved.surveyedAt()).isEqualTo(clock.instant());
        assertThat(gateway.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.message().subject())
                    .isEqualTo("Jak nam poszło? Zgłoszenie "
                            + received.conversation().reference());
            assertThat(sent.message().body()).contains("„Broken lid”", "https://shop.example/survey/CASE-");
        });
        assertThat(answered.survey().promoter()).isTrue();
        assertThat(crm.activities()
                        .timeline(anna.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .anySatisfy(activity -> assertThat(activity.subject()).startsWith("Satisfaction survey CASE-"));
    }

    @Test
    void noSurveyGoesToACustomerWithoutConsentForServiceEmail() {
        CustomerService service = service();
        Contact anna = customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        crm.parties().withdrawConsent(anna.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "phone call");
        Received received = service.receive(email("anna@example.com", "Broken lid"));

        CaseConversation resolved = service.resolve(received.serviceCase().id(), "New lid sent");
        runtime.runDue(clock.instant());

        assertThat(resolved.surveyedAt()).isNull();
        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void aClosedCaseIsNotReopenedByItsReference_andAnUnknownSenderIsRefused() {
        CustomerService service = service();
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received received = service.receive(email("anna@example.com", "Broken lid"));
        service.resolve(received.serviceCase().id(), "New lid sent");
        crm.serviceDesk().close(received.serviceCase().id());

        Received again = service.receive(email(
                "anna@example.com", "Re: Broken lid [" + received.conversation().reference() + "]"));

        assertThat(again.opened()).isTrue();
        assertThat(again.serviceCase().id()).isNotEqualTo(received.serviceCase().id());
        assertThatThrownBy(() -> service.receive(email("nobody@example.com", "Hello")))
                .isInstanceOfSatisfying(
                        RecordNotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("nobody@example.com"));
    }

    @Test
    void complianceReportCountsMetAndMissedMilestonesPerTeam() {
        CustomerService service = service(SlaPolicy.of("two hours", Duration.ofHours(2), Duration.ofHours(8)));
        User agent = crm.access().registerUser("Agent", EmailAddress.of("agent@shop.example"), Set.of(Role.SERVICE));
        crm.access().addTeamMember(crm.access().createTeam("Support PL", null).id(), agent.id());
        customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received fast = service.receive(email("anna@example.com", "Broken lid"));
        Received slow = service.receive(email("anna@example.com", "Wrong colour"));
        crm.serviceDesk().assign(fast.serviceCase().id(), agent.id());
        crm.serviceDesk().assign(slow.serviceCase().id(), agent.id());
        clock.advance(Duration.ofHours(1));
        service.resolve(fast.serviceCase().id(), "New lid sent");
        service.recordSurvey(fast.serviceCase().id(), new SurveyAnswer(4, 10, null, clock.instant()));
        clock.advance(Duration.ofHours(3));

        SlaComplianceReport report =
                service.compliance(MONDAY_NINE_WARSAW, MONDAY_NINE_WARSAW.plus(Duration.ofDays(1)));

        assertThat(report.team("Support PL")).hasValueSatisfying(team -> {
            assertThat(team.cases()).isEqualTo(2);
            assertThat(team.firstResponsesMet()).isEqualTo(1);
            assertThat(team.firstResponsesMissed()).isEqualTo(1);
            assertThat(team.resolutionsMet()).isEqualTo(1);
            assertThat(team.resolutionsMissed()).isZero();
            assertThat(team.compliance()).hasValue(2 / 3.0);
            assertThat(team.averageCsat()).hasValue(4.0);
            assertThat(team.netPromoterScore()).hasValue(100.0);
        });
    }

    @Test
    void erasingTheCustomerErasesTheConversationsTextsAndKeepsItsClockAndScores() {
        CustomerService service = service();
        Contact anna = customer("Anna", "PL", "Europe/Warsaw", Locale.forLanguageTag("pl"));
        Received received = service.receive(email("anna@example.com", "Broken lid"));
        service.resolve(received.serviceCase().id(), "New lid sent");
        service.recordSurvey(received.serviceCase().id(), new SurveyAnswer(2, 3, "Anna is unhappy", clock.instant()));

        assertThat(crm.privacy().export(RecordRef.contact(anna.id())).json()).contains("The lid of my kettle broke.");
        crm.privacy().erase(RecordRef.contact(anna.id()), "the customer asked");

        CaseConversation erased =
                service.conversation(received.serviceCase().id()).orElseThrow();
        assertThat(erased.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.address()).isEqualTo("[erased]");
            assertThat(entry.body()).isEqualTo("[erased]");
        });
        assertThat(erased.survey().comment()).isNull();
        assertThat(erased.survey().nps()).isEqualTo(3);
        assertThat(erased.sla().target(Milestone.RESOLUTION).onTime()).isTrue();
    }

    private List<Task> openTasks(UserId user) {
        return crm.activities()
                .tasksOf(user, Set.of(TaskStatus.OPEN), PageRequest.first(10))
                .items();
    }
}
