package org.crmkit.examples;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Recurrence;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskRecurrence;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
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
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.greeting.Greetings;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.crmkit.workflow.reminder.DateReminderRule;
import org.crmkit.workflow.reminder.DateReminders;
import org.crmkit.workflow.reminder.DatedRecord;
import org.crmkit.workflow.reminder.TaskReminders;
import org.crmkit.workflow.sequence.EndReason;
import org.crmkit.workflow.sequence.FollowUpSequences;
import org.crmkit.workflow.sequence.InMemoryEnrolmentStore;
import org.crmkit.workflow.sequence.Sequence;

/**
 * A simulated month (21 February to 21 March 2028, a leap year with clock changes in the United States and in
 * Europe) for a small sales team: task reminders, overdue notices and an escalation to the team lead, a daily
 * recurring task, an onboarding sequence that waits for a call, a customer who replies mid-sequence, birthday and
 * anniversary greetings in several time zones and a contract renewal reminder. Prints every message as it goes out
 * (times in UTC) and the state at the end. Runs in memory in about a second.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.RemindersExample}
 */
public final class RemindersExample {

    private static final Instant START = Instant.parse("2028-02-21T00:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private RemindersExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        SettableClock clock = SettableClock.at(START);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .taskReminders(TaskReminderPolicy.standard()
                        .withOverdueNoticeAfter(Duration.ofHours(2))
                        .escalatingAfter(Duration.ofDays(2)))
                .build();
        List<String> tick = new ArrayList<>();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(Channel.EMAIL, (key, message) -> tick.add(line(clock.instant(), message)))
                .channel(Channel.SMS, (key, message) -> tick.add(line(clock.instant(), message)))
                .build();

        User lena = crm.access().registerUser("Lena Lead", EmailAddress.of("lena@team.example"), Set.of(Role.MANAGER));
        User ada = crm.access().registerUser("Ada Agent", EmailAddress.of("ada@team.example"), Set.of(Role.SALES));
        User ben = crm.access().registerUser("Ben Builder", EmailAddress.of("ben@team.example"), Set.of(Role.SALES));
        var team = crm.access().createTeam("Inside sales", lena.id());
        crm.access().addTeamMember(team.id(), ada.id());
        crm.access().addTeamMember(team.id(), ben.id());

        TaskReminders.builder(runtime).zone(BERLIN).build();
        Greetings.builder(runtime)
                .customerAnniversaries(true)
                .offerCodes((contact, occasion, year) ->
                        occasion.equals("birthday") ? Optional.of(" Your gift code: BDAY" + year) : Optional.empty())
                .build();
        FollowUpSequences sequences = FollowUpSequences.builder(runtime)
                .enrolments(InMemoryEnrolmentStore.create(storage))
                .sequence(Sequence.named("onboarding")
                        .email("welcome")
                        .waitBusinessDays(3)
                        .callTask("Onboarding call", null, 2)
                        .sms("tips")
                        .build())
                .templates(PlainTemplates.builder()
                        .template("welcome", Locale.ENGLISH, "Welcome aboard, {{firstName}}", "Dear {{fullName}}, ...")
                        .template("welcome", Locale.GERMAN, "Willkommen, {{firstName}}", "Liebe(r) {{fullName}}, ...")
                        .template("tips", Locale.ENGLISH, "Three tips", "Three tips for {{firstName}}: ...")
                        .build())
                .build();
        AccountId acme = AccountId.of(UUID.fromString("018f0000-0000-7000-8000-000000000ace"));
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "renewal-30-days",
                        (from, to, page) -> Page.of(
                                List.of(new DatedRecord(
                                                RecordRef.account(acme),
                                                LocalDate.of(2028, 3, 31),
                                                ada.id(),
                                                "Acme maintenance contract renewal"))
                                        .stream()
                                        .filter(r -> !r.date().isBefore(from)
                                                && !r.date().isAfter(to))
                                        .toList(),
                                page),
                        Period.ofDays(-30),
                        LocalTime.of(8, 0),
                        BERLIN,
                        "date-reminder"))
                .build();

        Contact carla = customer(
                crm,
                ada.id(),
                "Carla",
                "Schmidt",
                "DE",
                "Europe/Berlin",
                Locale.GERMAN,
                LocalDate.of(1988, 3, 14),
                LocalDate.of(2021, 3, 1));
        Contact dan = customer(
                crm,
                ben.id(),
                "Dan",
                "Miller",
                "US",
                "America/New_York",
                Locale.ENGLISH,
                LocalDate.of(1979, 3, 12),
                null);
        customer(
                crm,
                ada.id(),
                "Lea",
                "Leapling",
                "NZ",
                "Pacific/Auckland",
                Locale.ENGLISH,
                LocalDate.of(2000, 2, 29),
                null);

        Instant monday = Instant.parse("2028-02-21T08:00:00Z");
        Task standUp = crm.activities()
                .createTask(NewTask.of("Stand-up notes", monday.plus(Duration.ofHours(1)), ada.id())
                        .withReminderAt(monday.minus(Duration.ofMinutes(15)))
                        .repeating(TaskRecurrence.of(Recurrence.weekly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), BERLIN)
                                .until(LocalDate.of(2028, 3, 1))));
        Task proposal = crm.activities()
                .createTask(NewTask.of("Send proposal to Acme", Instant.parse("2028-02-23T15:00:00Z"), ben.id())
                        .withReminderAt(Instant.parse("2028-02-23T08:00:00Z")));
        sequences.enrol(carla.id(), "onboarding");
        sequences.enrol(dan.id(), "onboarding");
        out.println("A month of reminders, sequences and greetings; runs every hour; times in UTC.");

        Map<Instant, Runnable> events = Map.of(
                Instant.parse("2028-02-22T16:00:00Z"),
                        () -> {
                            out.println("2028-02-22 16:00  Dan replies to the welcome email: his sequence ends");
                            sequences.endFor(dan.id(), EndReason.REPLIED);
                        },
                Instant.parse("2028-02-28T10:00:00Z"),
                        () -> {
                            out.println("2028-02-28 10:00  Ben finally sends the proposal");
                            crm.activities().complete(proposal.id());
                        });
        TimeFixture.at(clock)
                .everyTick(Duration.ofHours(1), now -> {
                    Runnable event = events.get(now);
                    if (event != null) {
                        event.run();
                    }
                    completeDueWork(crm, ada.id(), now, out);
                    runtime.runDue(now);
                    tick.stream().sorted().forEach(out::println);
                    tick.clear();
                })
                .whenTimeElapses(Duration.ofDays(29));

        out.println();
        out.println("Open tasks at the end:");
        int open = 0;
        for (User user : List.of(lena, ada, ben)) {
            for (Task task : crm.activities()
                    .tasksOf(user.id(), TaskStatus.ACTIVE, PageRequest.first(20))
                    .items()) {
                out.printf("  %-12s %s, due %s%n", user.name(), task.subject(), TIME.format(task.dueAt()));
                open++;
            }
        }
        if (open == 0) {
            out.println("  none");
        }
        out.println("Stand-up notes done: "
                + crm.activities().tasksOf(ada.id(), Set.of(TaskStatus.DONE), PageRequest.first(50)).items().stream()
                        .filter(t -> t.subject().equals(standUp.subject()))
                        .count());
    }

    /** Ada works through her due tasks at the next full hour of her working day (10:00 in Berlin). */
    private static void completeDueWork(Crm crm, UserId ada, Instant now, PrintStream out) {
        if (now.atZone(BERLIN).getHour() != 10) {
            return;
        }
        for (Task task : crm.activities()
                .tasksOf(ada, TaskStatus.ACTIVE, PageRequest.first(20))
                .items()) {
            boolean call = task.subject().startsWith("Onboarding call");
            if (!task.dueAt().isAfter(now.plus(Duration.ofHours(call ? 24 : 0)))) {
                crm.activities().complete(task.id());
                if (call) {
                    out.printf("%s  Ada Agent makes the %s%n", TIME.format(now), task.subject());
                }
            }
        }
    }

    private static Contact customer(
            Crm crm,
            UserId owner,
            String first,
            String last,
            String country,
            String zone,
            Locale language,
            LocalDate birthday,
            LocalDate customerSince) {
        NewContact details = NewContact.of(PersonName.of(first, last), owner)
                .withDetails(new ContactDetails(language, birthday, ZoneId.of(zone)))
                .withEmail(EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@customer.example"), ContactPointType.WORK)
                .withPhone(PhoneNumber.parse("+4915112345678"), ContactPointType.MOBILE)
                .withAddress(PostalAddress.of("Main Street 1", "1000", "Town", country), ContactPointType.WORK);
        Contact contact = crm.parties()
                .registerContact(customerSince == null ? details : details.withCustomerSince(customerSince));
        for (ConsentChannel channel : List.of(ConsentChannel.EMAIL, ConsentChannel.SMS)) {
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                contact = crm.parties().grantConsent(contact.id(), channel, purpose, "contract");
            }
        }
        return contact;
    }

    private static String line(Instant at, Message message) {
        return String.format(
                "%s  %-5s to %-22s %s", TIME.format(at), message.channel(), message.address(), message.subject());
    }
}
