package org.crmkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Task;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sync.ChangeResult;
import org.crmkit.core.sync.ConflictPolicies;
import org.crmkit.core.sync.DeviceChange;
import org.crmkit.core.sync.FieldEdit;
import org.crmkit.core.sync.FieldPolicy;
import org.crmkit.core.sync.InitialSyncPage;
import org.crmkit.core.sync.Subscription;

/**
 * Two salespeople in two regions (see docs/offline-devices-and-change-feeds.md): each laptop syncs down its slice, a
 * change in the south reaches only Ben's laptop, Anna's offline edits go up (one conflicting with the office's, kept
 * for her to settle; sent twice, they change nothing the second time), and an account that moves from the north to
 * the south leaves Anna's laptop with its contacts and arrives whole on Ben's.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package
 * -Ddemo.main=org.crmkit.examples.OfflineDevicesExample}
 */
public final class OfflineDevicesExample {

    private OfflineDevicesExample() {}

    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        run(Crm.builder().storage(InMemoryStorage.create(clock)).clock(clock).build(), System.out);
    }

    /** A salesperson's laptop: its subscription and where its last sync left it. */
    private static final class Laptop {
        final String owner;
        final Subscription subscription;
        FeedCursor cursor;

        Laptop(String owner, Subscription subscription) {
            this.owner = owner;
            this.subscription = subscription;
        }
    }

    /** Runs the story on the {@code crm} and prints what each laptop received. */
    public static void run(Crm crm, PrintStream out) {
        User anna = crm.access().registerUser("Anna", EmailAddress.of("anna@example.com"), Set.of(Role.SALES));
        User ben = crm.access().registerUser("Ben", EmailAddress.of("ben@example.com"), Set.of(Role.SALES));
        Territory north = crm.access().defineTerritory("North", 1, List.of(new TerritoryRule(null, null, "2", null)));
        Territory south = crm.access().defineTerritory("South", 2, List.of(new TerritoryRule(null, null, "8", null)));
        crm.access().addTerritoryMember(north.id(), anna.id());
        crm.access().addTerritoryMember(south.id(), ben.id());
        Account hafen = account(crm, anna, "Hafen Logistik", "20095", "Hamburg");
        contact(crm, anna, "Jens", "Olsen", hafen);
        Account alpen = account(crm, ben, "Alpen Bau", "80331", "München");
        contact(crm, ben, "Resi", "Huber", alpen);

        Laptop annas = new Laptop("Anna", crm.sync().defaultSubscription(anna.id()));
        Laptop bens = new Laptop("Ben", crm.sync().defaultSubscription(ben.id()));
        initialSync(crm, annas, out);
        initialSync(crm, bens, out);

        crm.parties().renameAccount(alpen.id(), "Alpen Bau AG");
        sync(crm, annas, out);
        sync(crm, bens, out);

        // offline, Anna renames Hafen Logistik and meets a new buyer; meanwhile the office renames Hafen too
        Account onAnnasLaptop = crm.parties().account(hafen.id());
        crm.parties().renameAccount(hafen.id(), "Hafen Logistik GmbH");
        List<DeviceChange> offline = List.of(
                new DeviceChange.Update(
                        "Account",
                        hafen.id().value(),
                        onAnnasLaptop.version(),
                        Map.of("name", new FieldEdit(onAnnasLaptop.name(), "Hafen Logistik Nord")),
                        crm.clock().instant()),
                new DeviceChange.Create(
                        "Contact",
                        UUID.nameUUIDFromBytes("annas-laptop/contact/1".getBytes(StandardCharsets.UTF_8)),
                        Map.of("firstName", "Lene", "lastName", "Voss"),
                        crm.clock().instant()));
        ConflictPolicies policies = ConflictPolicies.always(FieldPolicy.KEEP_FOR_PERSON);
        for (int time = 1; time <= 2; time++) {
            for (ChangeResult result : crm.sync().syncUp(anna.id(), offline, policies)) {
                out.println("Anna's laptop, sync up " + time + ": "
                        + result.change().recordType() + " " + result.outcome() + conflicts(result));
            }
        }
        sync(crm, annas, out);

        out.println("Hafen Logistik moves to Munich:");
        PostalAddress hamburg = hafen.contactPoints().primaryAddress().orElseThrow();
        crm.parties()
                .addAddress(
                        hafen.id(),
                        PostalAddress.of("Leopoldstraße 1", "80802", "München", "DE"),
                        ContactPointType.WORK);
        crm.parties().removeAddress(hafen.id(), hamburg);
        crm.access().assignTerritory(hafen.id());
        sync(crm, annas, out);
        sync(crm, bens, out);
    }

    private static String conflicts(ChangeResult result) {
        return result.conflicts().stream()
                .map(conflict -> ", " + conflict.field() + " kept '" + conflict.storedValue() + "' (device: '"
                        + conflict.deviceValue() + "', " + conflict.policy() + ")")
                .reduce("", String::concat);
    }

    private static Account account(Crm crm, User owner, String name, String postcode, String city) {
        Account account = crm.parties()
                .registerAccount(NewAccount.of(name, owner.id())
                        .withAddress(PostalAddress.of("Hauptstraße 1", postcode, city, "DE"), ContactPointType.WORK));
        crm.access().assignTerritory(account.id());
        return crm.parties().account(account.id());
    }

    private static void contact(Crm crm, User owner, String firstName, String lastName, Account account) {
        Contact contact = crm.parties().registerContact(NewContact.of(PersonName.of(firstName, lastName), owner.id()));
        crm.parties().linkContactToAccount(contact.id(), account.id(), "Buyer", true, LocalDate.of(2026, 1, 1), null);
    }

    private static void initialSync(Crm crm, Laptop laptop, PrintStream out) {
        InitialSyncPage page = crm.sync().initialSync(laptop.subscription, null, 100);
        while (true) {
            for (FeedItem.Changed item : page.records()) {
                out.println(laptop.owner + "'s laptop, initial sync: " + item.recordType() + " " + name(item));
            }
            if (page.next().isEmpty()) {
                break;
            }
            page = crm.sync().initialSync(laptop.subscription, page.next().get(), 100);
        }
        laptop.cursor = page.feedCursor();
    }

    private static void sync(Crm crm, Laptop laptop, PrintStream out) {
        ChangeBatch batch;
        do {
            batch = crm.sync().changesSince(laptop.subscription, laptop.cursor, 100);
            for (FeedItem item : batch.items()) {
                String what = item instanceof FeedItem.Changed changed ? name(changed) : "removed";
                out.println(laptop.owner + "'s laptop: " + item.recordType() + " " + what);
            }
            laptop.cursor = batch.next();
        } while (batch.hasMore());
    }

    private static String name(FeedItem.Changed item) {
        if (item.record() instanceof Account account) {
            return account.name();
        }
        if (item.record() instanceof Contact contact) {
            return contact.name().firstName() + " " + contact.name().lastName();
        }
        return "'" + ((Task) item.record()).subject() + "'";
    }
}
