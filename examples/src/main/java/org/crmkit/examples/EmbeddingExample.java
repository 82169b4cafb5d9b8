package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityOutcome;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * The embedding example of README.md. The code between the markers is the README's code block, character for
 * character; {@code ReadmeTest} checks that and runs it, so the README cannot rot.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        // spotless:off (the block below is shown as it is in the docs)
        // README:BEGIN
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.systemUTC())
                .build();

        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Account acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
        Contact kim = crm.parties().registerContact(NewContact.of(PersonName.of("Kim", "Berg"), ada.id())
                .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK));
        crm.parties().linkContactToAccount(kim.id(), acme.id(), "Head of Purchasing", true, LocalDate.now(crm.clock()), null);
        crm.parties().grantConsent(kim.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");

        crm.activities().logActivity(NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Intro call", crm.clock().instant())
                .aboutContact(kim.id())
                .aboutAccount(acme.id())
                .withOutcome(ActivityOutcome.CONNECTED));

        crm.activities().timeline(acme.id(), TimelineFilter.ALL, PageRequest.first(20)).items()
                .forEach(activity -> out.println(activity.occurredAt() + "  " + activity.kind() + "  " + activity.subject()));
        // README:END
        // spotless:on
    }
}
