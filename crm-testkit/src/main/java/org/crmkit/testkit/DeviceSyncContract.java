package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sync.AccountRule;
import org.crmkit.core.sync.InitialSyncPage;
import org.crmkit.core.sync.RelatedRecords;
import org.crmkit.core.sync.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Devices' subscriptions over a storage adapter: two salespeople in two territories (Retail and Energy accounts),
 * each device receiving its slice whole and then only what changed in it, an account moving between the territories
 * as a removal on one device and an arrival, with what hangs off it, on the other.
 */
public abstract class DeviceSyncContract extends StorageContract {

    private Crm crm;
    private User anna;
    private User ben;
    private Account acme;
    private Account bolt;
    private Contact kim;
    private Contact lee;
    private Task call;
    private Activity visit;

    @BeforeEach
    void twoSalespeopleInTwoTerritories() {
        crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT_A).build();
        anna = crm.access().registerUser("Anna", EmailAddress.of("anna@example.com"), Set.of(Role.SALES));
        ben = crm.access().registerUser("Ben", EmailAddress.of("ben@example.com"), Set.of(Role.SALES));
        Territory retail = crm.access().defineTerritory("Retail", 1, List.of(industry("Retail")));
        Territory energy = crm.access().defineTerritory("Energy", 2, List.of(industry("Energy")));
        crm.access().addTerritoryMember(retail.id(), anna.id());
        crm.access().addTerritoryMember(energy.id(), ben.id());
        acme = account("Acme", "Retail");
        bolt = account("Bolt", "Energy");
        kim = contact("Kim", acme);
        lee = contact("Lee", bolt);
        call = crm.activities()
                .createTask(NewTask.of("Call Acme", clock.instant().plus(Duration.ofDays(2)), anna.id())
                        .linkedTo(RecordRef.account(acme.id())));
        visit = crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, Direction.OUTBOUND, "Visit", clock.instant())
                        .aboutAccount(acme.id()));
    }

    private static TerritoryRule industry(String industry) {
        return new TerritoryRule(null, null, null, industry);
    }

    private Account account(String name, String industry) {
        Account account = crm.parties()
                .registerAccount(NewAccount.of(name, UserId.next(ids))
                        .withDetails(new AccountDetails(null, industry, null, null)));
        crm.access().assignTerritory(account.id());
        return account;
    }

    private Contact contact(String firstName, Account account) {
        Contact contact =
                crm.parties().registerContact(NewContact.of(PersonName.of(firstName, "Berg"), UserId.next(ids)));
        return crm.parties()
                .linkContactToAccount(contact.id(), account.id(), "Buyer", false, LocalDate.of(2026, 1, 1), null);
    }

    /** Every page of the subscription's initial sync, with the page size given. */
    private List<InitialSyncPage> initialSync(Subscription subscription, int size) {
        List<InitialSyncPage> pages = new ArrayList<>();
        InitialSyncPage page = crm.sync().initialSync(subscription, null, size);
        pages.add(page);
        while (page.next().isPresent()) {
            page = crm.sync().initialSync(subscription, page.next().get(), size);
            pages.add(page);
        }
        return pages;
    }

    private static List<UUID> ids(List<? extends FeedItem> items) {
        return items.stream().map(FeedItem::recordId).toList();
    }

    private static List<UUID> received(List<InitialSyncPage> pages) {
        return pages.stream().flatMap(page -> ids(page.records()).stream()).toList();
    }

    @Test
    void aUsersSubscriptionIsItsTerritoriesByDefault() {
        Subscription annas = crm.sync().defaultSubscription(anna.id());

        assertThat(annas.user()).isEqualTo(anna.id());
        assertThat(annas.territories()).hasSize(1);
        assertThat(annas.related()).isEqualTo(RelatedRecords.standard());
    }

    @Test
    void theInitialSyncBringsTheWholeSliceAndNothingElsePageByPage() {
        List<InitialSyncPage> pages = initialSync(crm.sync().defaultSubscription(anna.id()), 1);

        assertThat(received(pages))
                .containsExactlyInAnyOrder(
                        acme.id().value(),
                        kim.id().value(),
                        call.id().value(),
                        visit.id().value());
        assertThat(pages.get(pages.size() - 1).next()).isEmpty();
        assertThat(pages)
                .extracting(InitialSyncPage::feedCursor)
                .containsOnly(pages.get(0).feedCursor());
    }

    @Test
    void anIncrementalSyncBringsOnlyTheChangesInTheSlice() {
        Subscription annas = crm.sync().defaultSubscription(anna.id());
        FeedCursor cursor = initialSync(annas, 10).get(0).feedCursor();
        crm.parties().renameAccount(bolt.id(), "Bolt Energy");
        crm.parties().renameAccount(acme.id(), "Acme Stores");
        crm.parties().renameContact(lee.id(), PersonName.of("Lee", "Moss"));

        ChangeBatch batch = crm.sync().changesSince(annas, cursor, 100);

        assertThat(batch.items()).singleElement().satisfies(item -> {
            assertThat(item.recordId()).isEqualTo(acme.id().value());
            assertThat(((Account) ((FeedItem.Changed) item).record()).name()).isEqualTo("Acme Stores");
        });
        assertThat(crm.sync().changesSince(annas, batch.next(), 100).items()).isEmpty();
    }

    @Test
    void anAccountMovingToAnotherTerritoryLeavesOneDeviceWithWhatHangsOffItAndArrivesWholeOnTheOther() {
        Subscription annas = crm.sync().defaultSubscription(anna.id());
        Subscription bens = crm.sync().defaultSubscription(ben.id());
        FeedCursor annasCursor = crm.changeFeed().now();
        FeedCursor bensCursor = annasCursor;

        crm.parties().changeAccountDetails(acme.id(), new AccountDetails(null, "Energy", null, null));
        crm.access().assignTerritory(acme.id());

        List<FeedItem> onAnnas =
                crm.sync().changesSince(annas, annasCursor, 100).items();
        assertThat(onAnnas).allMatch(item -> item instanceof FeedItem.Removed);
        assertThat(ids(onAnnas))
                .containsExactlyInAnyOrder(
                        acme.id().value(),
                        kim.id().value(),
                        call.id().value(),
                        visit.id().value());
        List<FeedItem> onBens = crm.sync().changesSince(bens, bensCursor, 100).items();
        assertThat(onBens).allMatch(item -> item instanceof FeedItem.Changed);
        assertThat(ids(onBens))
                .containsExactlyInAnyOrder(
                        acme.id().value(),
                        kim.id().value(),
                        call.id().value(),
                        visit.id().value());
    }

    @Test
    void aCompletedTaskAndADeletedActivityLeaveTheSlice() {
        Subscription annas = crm.sync().defaultSubscription(anna.id());
        FeedCursor cursor = crm.changeFeed().now();

        crm.activities().complete(call.id());
        crm.activities().delete(visit.id());

        List<FeedItem> items = crm.sync().changesSince(annas, cursor, 100).items();
        assertThat(items).allMatch(item -> item instanceof FeedItem.Removed);
        assertThat(ids(items)).containsExactly(call.id().value(), visit.id().value());
    }

    @Test
    void accountsByRuleAndOwnRecordsJoinTheSlice() {
        Account tagged = crm.parties()
                .registerAccount(NewAccount.of("Cargo", UserId.next(ids)).withTag("key-account"));
        Contact own = crm.parties().registerContact(NewContact.of(PersonName.of("Sam", "Ode"), ben.id()));
        Subscription subscription = Subscription.ofTerritories(ben.id(), Set.of())
                .withOwnRecords()
                .withAccountRule(AccountRule.tagged("key-account"))
                .withRelated(RelatedRecords.none());

        assertThat(received(initialSync(subscription, 10)))
                .containsExactlyInAnyOrder(tagged.id().value(), own.id().value());
        FeedCursor cursor = crm.changeFeed().now();
        crm.parties().renameAccount(tagged.id(), "Cargo Lines");
        crm.parties().renameAccount(acme.id(), "Acme Stores");
        assertThat(crm.sync().changesSince(subscription, cursor, 100).items())
                .filteredOn(item -> item instanceof FeedItem.Changed)
                .extracting(FeedItem::recordId)
                .containsExactly(tagged.id().value());
    }
}
