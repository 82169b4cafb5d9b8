package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.greeting.Greetings;
import org.crmkit.workflow.reminder.DateReminderRule;
import org.crmkit.workflow.reminder.DateReminders;
import org.crmkit.workflow.reminder.DatedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No log line carries personal data: two application instances over one PostgreSQL database run workflows at the
 * same moment, colliding on deduplication keys and failing deliveries, and the whole captured log (crmkit's
 * loggers at DEBUG, see simplelogger.properties, and Hibernate's and the driver's warnings) is scanned for every
 * name and e-mail address the test stored.
 */
class PersonalDataInLogsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    /** 08:00 in Berlin on the Tuesday before, when the reminders of Wednesday's dates are due. */
    private static final Instant TUESDAY_EIGHT = Instant.parse("2026-03-03T07:00:00Z");

    private static final LocalDate BIRTHDAY = LocalDate.of(2026, 6, 15);
    /** 09:00 in Berlin (summer time) on the birthday, the default send time there. */
    private static final Instant NINE_IN_BERLIN = Instant.parse("2026-06-15T07:00:00Z");

    private static final List<String> FIRST_NAMES = List.of(
            "Henrike",
            "Ottokar",
            "Sieglinde",
            "Wendelin",
            "Rosalind",
            "Bartholomew",
            "Philippa",
            "Leopoldine",
            "Casimir",
            "Gundula",
            "Theodorich",
            "Wilhelmina",
            "Engelbert",
            "Hildegard",
            "Ruprecht",
            "Adelheid");

    /** Every name and e-mail address the scenario stored or passed to crmkit. */
    private final Set<String> personalData = new LinkedHashSet<>();
    /** The host's contracts: renewal dates and titles by contract id. */
    private final Map<UUID, DatedRecord> renewals = Collections.synchronizedMap(new TreeMap<>());

    private volatile User owner;
    private WorkflowNodes<?> nodes;

    @AfterEach
    void stopThreads() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /**
     * The host's contracts are not crmkit's records, so nothing is locked and both nodes plan the same reminders:
     * they collide on the deduplication keys of actions whose payloads hold the contract holders' names and the
     * recipient's address.
     */
    @Test
    void twoNodesPlanningTheSameRemindersLogNoNameOrEmailAddress() throws Exception {
        WorkflowNodes<DateReminders> reminders = new WorkflowNodes<>(
                database,
                SettableClock.at(TUESDAY_EIGHT.minus(Period.ofDays(1))),
                (runtime, storage) -> DateReminders.builder(runtime)
                        .rule(new DateReminderRule(
                                "renewal-tomorrow",
                                this::contractsRenewingBetween,
                                Period.ofDays(-1),
                                LocalTime.of(8, 0),
                                BERLIN,
                                "date-reminder"))
                        .build());
        nodes = reminders;
        owner = registerOwner(reminders.first().crm());
        for (int i = 0; i < 32; i++) {
            String holder = FIRST_NAMES.get(i % FIRST_NAMES.size()) + " Vandersloot" + (char) ('a' + i / 16);
            personalData.add(holder);
            UUID contract = UUID.randomUUID();
            renewals.put(
                    contract,
                    new DatedRecord(
                            RecordRef.of(RecordType.ACCOUNT, AccountId.of(contract)),
                            WEDNESDAY,
                            owner.id(),
                            "Contract of " + holder));
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(reminders.runTogether(TUESDAY_EIGHT));
            rounds.add(reminders.runTogether(TUESDAY_EIGHT.plusSeconds(3600)));
        });

        assertThat(rounds).containsExactly(new RunReport(32, 32, 0, 0), new RunReport(0, 0, 0, 0));
        assertNoPersonalDataIn(log);
    }

    /**
     * Every first delivery fails with an error that names the recipient, as a mail server's refusal does: the
     * failures are logged (as warnings), without the address or the name.
     */
    @Test
    void twoNodesWhoseDeliveriesFailLogTheFailuresWithoutNameOrEmailAddress() throws Exception {
        WorkflowNodes<Greetings> greetings = new WorkflowNodes<>(
                database,
                SettableClock.at(NINE_IN_BERLIN.minusSeconds(3600)),
                (runtime, storage) -> Greetings.builder(runtime).build());
        nodes = greetings;
        Set<String> failedOnce = Collections.synchronizedSet(new LinkedHashSet<>());
        greetings.beforeSending = (key, message) -> {
            if (failedOnce.add(key)) {
                throw new IllegalStateException(
                        "550 mailbox " + message.address() + " of " + message.recipient() + " unavailable");
            }
        };
        UserId contactOwner = UserId.next(new IdGenerator(greetings.clock));
        Crm crm = greetings.first().crm();
        for (int i = 0; i < FIRST_NAMES.size(); i++) {
            greeted(crm, contactOwner, FIRST_NAMES.get(i), "Oppenheimer-Quist", BIRTHDAY.minusYears(30 + i));
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(greetings.runTogether(NINE_IN_BERLIN));
            rounds.add(greetings.runTogether(NINE_IN_BERLIN.plusSeconds(3600)));
        });

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).retrying()).isEqualTo(FIRST_NAMES.size());
        assertThat(greetings.sent).hasSize(FIRST_NAMES.size()).doesNotHaveDuplicates();
        assertThat(log.lines().filter(line -> line.contains(" WARN ") && line.contains("failed, attempt 1")))
                .hasSize(FIRST_NAMES.size());
        assertNoPersonalDataIn(log);
    }

    private void assertNoPersonalDataIn(String log) {
        assertThat(personalData).isNotEmpty();
        String lowerCase = log.toLowerCase(Locale.ROOT);
        for (String data : personalData) {
            assertThat(lowerCase).as("the log names %s", data).doesNotContain(data.toLowerCase(Locale.ROOT));
            // a name's parts alone identify a person too, and so does an address's local part
            for (String part : data.replaceAll("@.*", "").split("[ .]")) {
                if (part.length() > 5) {
                    assertThat(lowerCase).as("the log names %s", part).doesNotContain(part.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private User registerOwner(Crm crm) {
        personalData.add("Gwendolyn Featherstonehaugh");
        personalData.add("gwendolyn.featherstonehaugh@acme.example");
        return crm.access()
                .registerUser(
                        "Gwendolyn Featherstonehaugh",
                        EmailAddress.of("gwendolyn.featherstonehaugh@acme.example"),
                        Set.of(Role.SALES));
    }

    private void greeted(Crm crm, UserId contactOwner, String firstName, String lastName, LocalDate birthday) {
        String email = firstName.toLowerCase(Locale.ROOT) + "." + lastName.toLowerCase(Locale.ROOT) + "@example.com";
        personalData.add(firstName + " " + lastName);
        personalData.add(email);
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(firstName, lastName), contactOwner)
                        .withDetails(new ContactDetails(Locale.GERMAN, birthday, BERLIN))
                        .withEmail(EmailAddress.of(email), ContactPointType.WORK));
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");
    }

    private Page<DatedRecord> contractsRenewingBetween(LocalDate from, LocalDate to, PageRequest page) {
        synchronized (renewals) {
            return Page.of(
                    renewals.values().stream()
                            .filter(renewal -> !renewal.date().isBefore(from)
                                    && !renewal.date().isAfter(to))
                            .toList(),
                    page);
        }
    }
}
