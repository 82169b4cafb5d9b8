package org.crmkit.examples.privacy;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.FieldSecurity;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SecuredField;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * Record visibility and field-level security, in memory: two salespeople in two territories each see only their own
 * customers and the calls about them, their manager (the lead of both their teams) sees both; a customer of the other territory is not found; a
 * read-only share lets a salesperson read a colleague's customer but not change it; and a customer's birthday is for
 * managers' eyes only. Setup runs as the system actor; the rest as each user in turn, as a host's actor resolver
 * would report its logged-in user.
 */
public final class TerritoryVisibilityExample {

    private TerritoryVisibilityExample() {}

    public static void main(String[] args) {
        run(Clock.systemUTC(), System.out);
    }

    static void run(Clock clock, PrintStream out) {
        AtomicReference<Actor> loggedIn = new AtomicReference<>(Actor.SYSTEM);
        Crm crm = Crm.builder()
                .storage(InMemoryStorage.create(clock))
                .clock(clock)
                .actorResolver(loggedIn::get)
                .sharingModel(SharingModel.every(DefaultAccess.PRIVATE))
                .fieldSecurity(FieldSecurity.none()
                        .restrict(SecuredField.CONTACT_BIRTHDAY, Set.of(Role.MANAGER), Set.of(Role.MANAGER)))
                .build();

        User ada = user(crm, "Ada", Role.SALES);
        User ben = user(crm, "Ben", Role.SALES);
        User mia = user(crm, "Mia", Role.MANAGER);
        // one team per region, both led by Mia: team mates see each other's records, a lead sees its members'
        Team northDesk = crm.access().createTeam("North desk", mia.id());
        crm.access().addTeamMember(northDesk.id(), ada.id());
        Team southDesk = crm.access().createTeam("South desk", mia.id());
        crm.access().addTeamMember(southDesk.id(), ben.id());
        Territory north = territory(crm, "North", "DE", ada);
        Territory south = territory(crm, "South", "IT", ben);
        Contact nordfracht = customer(crm, "Nora", "Nordfracht", north, ada);
        Contact nordhafen = customer(crm, "Nils", "Nordhafen", north, ada);
        Contact sudlogistica = customer(crm, "Sara", "Sudlogistica", south, ben);
        List<Contact> everyCustomer = List.of(nordfracht, nordhafen, sudlogistica);
        for (Contact customer : everyCustomer) {
            crm.activities()
                    .logActivity(NewActivity.of(
                                    ActivityKind.CALL,
                                    Direction.OUTBOUND,
                                    "Call " + customer.name().lastName(),
                                    clock.instant())
                            .aboutContact(customer.id()));
        }

        for (User user : List.of(ada, ben, mia)) {
            loggedIn.set(Actor.user(user.id(), user.name()));
            out.println(user.name() + " sees " + customers(crm));
            // activities, tasks, cases and invoices follow the customer they are about
            out.println(user.name() + " sees the calls " + calls(crm, everyCustomer));
        }

        loggedIn.set(Actor.user(ada.id(), ada.name()));
        out.println("Ada opens Sara Sudlogistica: "
                + crm.parties()
                        .findContact(sudlogistica.id())
                        .map(Contact::name)
                        .map(PersonName::fullName)
                        .orElse("not found"));
        out.println("Ada reads Nora Nordfracht's birthday: "
                + crm.parties().contact(nordfracht.id()).details().birthday());

        loggedIn.set(Actor.user(ben.id(), ben.name()));
        crm.access().shareWithUser(RecordRef.contact(sudlogistica.id()), ada.id(), ShareAccess.READ);
        out.println("Ben shares Sara Sudlogistica with Ada, to read");

        loggedIn.set(Actor.user(ada.id(), ada.name()));
        out.println("Ada sees " + customers(crm));
        try {
            crm.parties().renameContact(sudlogistica.id(), PersonName.of("Sara", "Renamed"));
        } catch (AccessDeniedException refused) {
            out.println("Ada renames Sara Sudlogistica: refused ("
                    + refused.errorCode().code() + ")");
        }

        loggedIn.set(Actor.user(mia.id(), mia.name()));
        out.println("Mia reads Nora Nordfracht's birthday: "
                + crm.parties().contact(nordfracht.id()).details().birthday());
    }

    private static User user(Crm crm, String name, Role role) {
        return crm.access()
                .registerUser(name, EmailAddress.of(name.toLowerCase(Locale.ROOT) + "@crm.example"), List.of(role));
    }

    private static Territory territory(Crm crm, String name, String country, User member) {
        Territory territory = crm.access().defineTerritory(name, 1, List.of(TerritoryRule.country(country)));
        return crm.access().addTerritoryMember(territory.id(), member.id());
    }

    private static Contact customer(Crm crm, String first, String last, Territory territory, User owner) {
        return crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, last), owner.id())
                        .withTerritory(territory.id())
                        .withTag("customer")
                        .withDetails(new ContactDetails(null, LocalDate.of(1980, 5, 17), null)));
    }

    /** The calls the logged-in user sees on the customers' timelines (a hidden customer's timeline is empty). */
    private static String calls(Crm crm, List<Contact> customers) {
        return customers.stream()
                .flatMap(
                        customer -> crm
                                .activities()
                                .timeline(customer.id(), TimelineFilter.ALL, PageRequest.first(20))
                                .items()
                                .stream())
                .map(Activity::subject)
                .collect(Collectors.joining(", "));
    }

    /** The customers the logged-in user sees, by name, with the total the page reports. */
    private static String customers(Crm crm) {
        var page = crm.parties().contactsTagged("customer", PageRequest.first(20));
        return page.items().stream().map(contact -> contact.name().fullName()).collect(Collectors.joining(", ")) + " ("
                + page.totalElements() + ")";
    }
}
