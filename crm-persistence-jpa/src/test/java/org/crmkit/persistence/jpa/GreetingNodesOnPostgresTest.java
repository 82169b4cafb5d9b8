package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
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
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.greeting.Greetings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Birthday greetings on two application instances over one PostgreSQL database (each a {@link JpaStorage} of its
 * own with a {@link JpaWorkflowStore}, its own crmkit, runtime and {@link Greetings}), both running at the same
 * moment: every greeting is planned and sent once, no run fails or logs a failure.
 */
class GreetingNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final LocalDate BIRTHDAY = LocalDate.of(2026, 6, 15);
    /** 09:00 in Berlin (summer time) on the birthday, the default send time there. */
    private static final Instant NINE_IN_BERLIN = Instant.parse("2026-06-15T07:00:00Z");

    private final WorkflowNodes<Greetings> nodes = new WorkflowNodes<>(
            database,
            SettableClock.at(NINE_IN_BERLIN.minusSeconds(3600)),
            (runtime, storage) -> Greetings.builder(runtime).build());
    private final UserId owner = UserId.next(new IdGenerator(nodes.clock));

    @AfterEach
    void stopThreads() {
        nodes.close();
    }

    @Test
    void twoNodesRunningTheBirthdayMorningAtOnceSendEachGreetingOnceAndNeitherRunFails() throws Exception {
        List<Contact> greeted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            greeted.add(contact("Greeted" + i, BIRTHDAY.minusYears(20 + i), true));
        }
        for (int i = 0; i < 5; i++) {
            contact("WithoutConsent" + i, BIRTHDAY.minusYears(30), false);
            contact("BornADayLater" + i, BIRTHDAY.plusDays(1).minusYears(30), true);
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(nodes.runTogether(NINE_IN_BERLIN));
            rounds.add(nodes.runTogether(NINE_IN_BERLIN.plusSeconds(600)));
        });

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(rounds).containsExactly(new RunReport(40, 40, 0, 0), new RunReport(0, 0, 0, 0));
        assertThat(nodes.sent)
                .hasSize(40)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(greeted.stream()
                        .map(contact -> "greeting:" + contact.id() + ":birthday:2026")
                        .toList());
        Crm crm = nodes.first().crm();
        greeted.forEach(contact -> assertThat(crm.activities()
                        .timeline(contact.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .as(contact.name().fullName())
                .singleElement()
                .satisfies(activity -> assertThat(activity.subject())
                        .isEqualTo(
                                "Alles Gute zum Geburtstag, " + contact.name().firstName() + "!")));
        assertThat(nodes.first()
                        .runtime()
                        .actions(ActionStatus.DELIVERED, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(40);
    }

    private Contact contact(String firstName, LocalDate birthday, boolean consent) {
        Crm crm = nodes.first().crm();
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(firstName, "Person"), owner)
                        .withDetails(new ContactDetails(Locale.GERMAN, birthday, ZoneId.of("Europe/Berlin")))
                        .withEmail(
                                EmailAddress.of(firstName.toLowerCase(Locale.ROOT) + "@example.com"),
                                ContactPointType.WORK));
        return consent
                ? crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form")
                : contact;
    }
}
