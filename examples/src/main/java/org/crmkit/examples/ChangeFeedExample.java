package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.FeedConsumer;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * Two consumers of the change feed (see docs/offline-devices-and-change-feeds.md): a search index that follows every
 * contact and account as a named consumer whose cursor crmkit keeps, and a BI extract that keeps its own opaque cursor
 * and reads activities only. Each goes at its own pace; a deleted activity reaches the extract as a tombstone.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.ChangeFeedExample}
 */
public final class ChangeFeedExample {

    private ChangeFeedExample() {}

    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        run(Crm.builder().storage(InMemoryStorage.create(clock)).clock(clock).build(), System.out);
    }

    /** Runs the story on the {@code crm} and prints what each consumer saw. */
    public static void run(Crm crm, PrintStream out) {
        IdGenerator ids = new IdGenerator(crm.clock());
        UserId owner = UserId.next(ids);
        FeedConsumer searchIndex = crm.changeFeed().consumer("search-index");
        FeedCursor biCursor = crm.changeFeed().now();
        Map<UUID, String> index = new LinkedHashMap<>();

        Account acme = crm.parties().registerAccount(NewAccount.of("ACME Maschinenbau GmbH", owner));
        Contact kim = crm.parties().registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner));
        Activity call = crm.activities()
                .logActivity(NewActivity.note(
                        kim.id(), "Call", "Asked for an offer", crm.clock().instant()));
        follow(searchIndex, index, out);

        crm.parties().renameAccount(acme.id(), "ACME Presses GmbH");
        crm.activities().delete(call.id());
        follow(searchIndex, index, out);
        out.println("Search index holds: " + String.join(", ", index.values()));

        ChangeBatch activities = crm.changeFeed().changesSince(biCursor, ChangeFilter.recordTypes("Activity"), 100);
        for (FeedItem item : activities.items()) {
            out.println("BI extract: " + describe(item));
        }
    }

    /** One round of the search index: read what changed since its stored cursor, index it, acknowledge. */
    private static void follow(FeedConsumer consumer, Map<UUID, String> index, PrintStream out) {
        ChangeBatch batch;
        do {
            batch = consumer.next(ChangeFilter.recordTypes("Contact", "Account"), 100);
            for (FeedItem item : batch.items()) {
                out.println("Search index: " + describe(item));
                if (item instanceof FeedItem.Changed changed) {
                    index.put(item.recordId(), name(changed));
                } else {
                    index.remove(item.recordId());
                }
            }
            consumer.acknowledge(batch.next());
        } while (batch.hasMore());
    }

    private static String describe(FeedItem item) {
        String what = item instanceof FeedItem.Changed changed ? name(changed) : "removed";
        return "#" + item.position() + " " + item.recordType() + " " + what;
    }

    private static String name(FeedItem.Changed changed) {
        if (changed.record() instanceof Account account) {
            return account.name();
        }
        if (changed.record() instanceof Contact contact) {
            return contact.name().firstName() + " " + contact.name().lastName();
        }
        return ((Activity) changed.record()).subject();
    }
}
