package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.FeedConsumer;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedCursorException;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.feed.ResyncNeededException;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.ChangeScope;
import org.crmkit.core.spi.RecordChange;
import org.junit.jupiter.api.Test;

/**
 * The change feed over a storage adapter: every save and deletion of a record at a per-tenant position, read back as
 * current states and tombstones through opaque, tenant-bound cursors, retention, and named consumers with durable
 * cursors. The in-memory adapter runs it, and the JPA adapter on every database; {@link ChangeFeedConcurrencyContract}
 * adds concurrent writers and readers.
 */
public abstract class ChangeFeedContract extends StorageContract {

    protected Crm crm(TenantId tenant) {
        return Crm.builder().storage(storage).clock(clock).tenant(tenant).build();
    }

    protected Contact register(Crm crm, String lastName) {
        return crm.parties()
                .registerContact(NewContact.of(new PersonName(null, "Ada", null, lastName), UserId.next(ids)));
    }

    private static List<UUID> ids(ChangeBatch batch) {
        return batch.items().stream().map(FeedItem::recordId).toList();
    }

    @Test
    void everySavedRecordComesInItsCurrentStateInTheOrderOfItsLastChange() {
        Crm crm = crm(TENANT_A);
        FeedCursor start = crm.changeFeed().beginning();
        Contact ada = register(crm, "King");
        Account acme = crm.parties().registerAccount(NewAccount.of("Acme", UserId.next(ids)));
        crm.parties().renameContact(ada.id(), new PersonName(null, "Ada", null, "Lovelace"));

        ChangeBatch batch = crm.changeFeed().changesSince(start, ChangeFilter.all(), 100);

        assertThat(ids(batch)).containsExactly(acme.id().value(), ada.id().value());
        FeedItem.Changed contact = (FeedItem.Changed) batch.items().get(1);
        assertThat(contact.recordType()).isEqualTo("Contact");
        assertThat(((Contact) contact.record()).name().lastName()).isEqualTo("Lovelace");
        assertThat(contact.position()).isEqualTo(3);
        assertThat(batch.hasMore()).isFalse();
        assertThat(crm.changeFeed()
                        .changesSince(batch.next(), ChangeFilter.all(), 100)
                        .items())
                .isEmpty();
    }

    @Test
    void aDeletedRecordComesAsATombstone() {
        Crm crm = crm(TENANT_A);
        Contact ada = register(crm, "King");
        Activity call =
                crm.activities().logActivity(NewActivity.note(ada.id(), "Call", "About the offer", clock.instant()));
        FeedCursor afterLogging = crm.changeFeed().now();

        crm.activities().delete(call.id());

        ChangeBatch batch = crm.changeFeed().changesSince(afterLogging, ChangeFilter.all(), 100);
        assertThat(batch.items())
                .containsExactly(new FeedItem.Removed(
                        batch.items().get(0).position(), "Activity", call.id().value(), null));
    }

    @Test
    void aMergedRecordComesAsATombstoneThatRedirectsToTheSurvivor() {
        Crm crm = crm(TENANT_A);
        Contact survivor = register(crm, "King");
        Contact merged = register(crm, "King-Byron");
        FeedCursor beforeMerge = crm.changeFeed().now();

        crm.merges().mergeContacts(survivor.id(), List.of(merged.id()), Survivorship.survivorWins());

        ChangeBatch batch = crm.changeFeed().changesSince(beforeMerge, ChangeFilter.all(), 100);
        FeedItem.Removed tombstone = batch.items().stream()
                .filter(item -> item.recordId().equals(merged.id().value()))
                .map(FeedItem.Removed.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(tombstone.redirect()).contains(survivor.id().value());
        assertThat(batch.items())
                .filteredOn(item -> item.recordId().equals(survivor.id().value()))
                .singleElement()
                .isInstanceOf(FeedItem.Changed.class);
    }

    @Test
    void aFilterReturnsOnlyItsRecordTypesAndItsCursorPassesTheOthers() {
        Crm crm = crm(TENANT_A);
        FeedCursor start = crm.changeFeed().beginning();
        Contact ada = register(crm, "King");
        crm.parties().registerAccount(NewAccount.of("Acme", UserId.next(ids)));

        ChangeBatch contacts = crm.changeFeed().changesSince(start, ChangeFilter.recordTypes("Contact"), 10);

        assertThat(ids(contacts)).containsExactly(ada.id().value());
        Contact grace = register(crm, "Hopper");
        assertThat(ids(crm.changeFeed().changesSince(contacts.next(), ChangeFilter.all(), 10)))
                .containsExactly(grace.id().value());
    }

    @Test
    void readingInSmallBatchesLosesNothingAndRepeatsNothing() {
        Crm crm = crm(TENANT_A);
        FeedCursor cursor = crm.changeFeed().beginning();
        List<UUID> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registered.add(register(crm, "Person " + i).id().value());
        }

        List<UUID> read = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        ChangeBatch batch;
        do {
            batch = crm.changeFeed().changesSince(cursor, ChangeFilter.all(), 3);
            read.addAll(ids(batch));
            more.add(batch.hasMore());
            cursor = batch.next();
        } while (batch.hasMore());

        assertThat(read).isEqualTo(registered);
        assertThat(more).containsExactly(true, true, false);
    }

    @Test
    void aChangeThatRolledBackTakesNoPosition() {
        Crm crm = crm(TENANT_A);
        FeedCursor start = crm.changeFeed().beginning();
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    register(crm, "Rolled Back");
                    throw new IllegalStateException("the host's own step failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        Contact ada = register(crm, "King");

        ChangeBatch batch = crm.changeFeed().changesSince(start, ChangeFilter.all(), 10);

        assertThat(batch.items()).singleElement().satisfies(item -> {
            assertThat(item.recordId()).isEqualTo(ada.id().value());
            assertThat(item.position()).isEqualTo(1);
        });
    }

    @Test
    void eachTenantHasItsOwnPositionsAndSeesOnlyItsOwnChanges() {
        Crm a = crm(TENANT_A);
        Crm b = crm(TENANT_B);
        register(a, "King");
        Contact grace = register(b, "Hopper");

        ChangeBatch batch = b.changeFeed().changesSince(b.changeFeed().beginning(), ChangeFilter.all(), 10);

        assertThat(ids(batch)).containsExactly(grace.id().value());
        assertThat(batch.items().get(0).position()).isEqualTo(1);
    }

    @Test
    void aCursorOfAnotherTenantIsRefused() {
        FeedCursor ofTenantB = crm(TENANT_B).changeFeed().beginning();

        assertThatThrownBy(() -> crm(TENANT_A).changeFeed().changesSince(ofTenantB, ChangeFilter.all(), 10))
                .isInstanceOfSatisfying(
                        FeedCursorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FEED_CURSOR_INVALID))
                .hasMessageContaining("cursor: was handed out to another tenant");
    }

    @Test
    void aCursorMovedByHandIsRefused() {
        Crm crm = crm(TENANT_A);
        register(crm, "King");
        register(crm, "Hopper");
        FeedCursor atOne = crm.changeFeed()
                .changesSince(crm.changeFeed().beginning(), ChangeFilter.all(), 1)
                .next();
        String token = new String(Base64.getUrlDecoder().decode(atOne.token()), StandardCharsets.UTF_8);
        String moved = token.replace("|1|", "|0|");
        assertThat(moved).isNotEqualTo(token);
        FeedCursor tampered = FeedCursor.of(
                Base64.getUrlEncoder().withoutPadding().encodeToString(moved.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> crm.changeFeed().changesSince(tampered, ChangeFilter.all(), 10))
                .isInstanceOf(FeedCursorException.class)
                .hasMessageContaining("was changed after crmkit handed it out");
        assertThatThrownBy(() -> crm.changeFeed().changesSince(FeedCursor.of("position-1"), ChangeFilter.all(), 10))
                .isInstanceOf(FeedCursorException.class)
                .hasMessageContaining("is not a change-feed cursor that crmkit handed out");
    }

    @Test
    void aCursorBehindTheRetentionNeedsAResync() {
        Crm crm = crm(TENANT_A);
        FeedCursor start = crm.changeFeed().beginning();
        register(crm, "King");
        clock.advance(Duration.ofDays(40));
        Contact grace = register(crm, "Hopper");

        assertThat(crm.changeFeed().discardChangedBefore(clock.instant().minus(Duration.ofDays(30))))
                .isEqualTo(1);

        assertThatThrownBy(() -> crm.changeFeed().changesSince(start, ChangeFilter.all(), 10))
                .isInstanceOfSatisfying(ResyncNeededException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.RESYNC_NEEDED);
                    assertThat(e.oldestKeptPosition()).isEqualTo(2);
                })
                .hasMessageContaining("resync needed");
        assertThat(ids(crm.changeFeed().changesSince(crm.changeFeed().beginning(), ChangeFilter.all(), 10)))
                .containsExactly(grace.id().value());
    }

    @Test
    void namedConsumersFollowTheFeedEachAtItsOwnDurablePosition() {
        Crm crm = crm(TENANT_A);
        Contact ada = register(crm, "King");
        Contact grace = register(crm, "Hopper");
        FeedConsumer search = crm.changeFeed().consumer("search-index");
        FeedConsumer erp = crm.changeFeed().consumer("erp");

        ChangeBatch first = search.next(ChangeFilter.all(), 1);
        search.acknowledge(first.next());

        assertThat(ids(first)).containsExactly(ada.id().value());
        Crm restarted = crm(TENANT_A);
        assertThat(ids(restarted.changeFeed().consumer("search-index").next(ChangeFilter.all(), 10)))
                .containsExactly(grace.id().value());
        assertThat(ids(restarted.changeFeed().consumer("erp").next(ChangeFilter.all(), 10)))
                .containsExactly(ada.id().value(), grace.id().value());
        assertThat(erp.name()).isEqualTo("erp");
    }

    @Test
    void anAcknowledgementInATransactionThatRolledBackDoesNotMoveTheConsumer() {
        Crm crm = crm(TENANT_A);
        Contact ada = register(crm, "King");
        FeedConsumer search = crm.changeFeed().consumer("search-index");
        ChangeBatch batch = search.next(ChangeFilter.all(), 10);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    search.acknowledge(batch.next());
                    throw new IllegalStateException("the index write failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ids(search.next(ChangeFilter.all(), 10)))
                .containsExactly(ada.id().value());
    }

    @Test
    void aConsumerOfAnotherTenantIsAnotherConsumer() {
        register(crm(TENANT_A), "King");
        FeedConsumer ofA = crm(TENANT_A).changeFeed().consumer("search-index");
        ofA.acknowledge(ofA.next(ChangeFilter.all(), 10).next());
        Contact grace = register(crm(TENANT_B), "Hopper");

        assertThat(ids(crm(TENANT_B).changeFeed().consumer("search-index").next(ChangeFilter.all(), 10)))
                .containsExactly(grace.id().value());
        assertThatThrownBy(() -> crm(TENANT_A).changeFeed().consumer("search index"))
                .hasMessageContaining("consumer: must be 1-100 letters");
    }

    @Test
    void eachChangeKeepsTheRecordsOwnerTerritoryAndAccountBeforeAndAfterIt() {
        Crm crm = crm(TENANT_A);
        Territory retail =
                crm.access().defineTerritory("Retail", 1, List.of(new TerritoryRule(null, null, null, "Retail")));
        Territory energy =
                crm.access().defineTerritory("Energy", 2, List.of(new TerritoryRule(null, null, null, "Energy")));
        UserId owner = UserId.next(ids);
        Account acme = crm.parties()
                .registerAccount(
                        NewAccount.of("Acme", owner).withDetails(new AccountDetails(null, "Retail", null, null)));
        crm.access().assignTerritory(acme.id());
        crm.parties().changeAccountDetails(acme.id(), new AccountDetails(null, "Energy", null, null));
        long beforeMove =
                storage.transactions().inTransaction(() -> storage.changeLog().sequence(TENANT_A));

        crm.access().assignTerritory(acme.id());

        List<RecordChange> changes = storage.transactions()
                .inTransaction(() -> storage.changeLog().after(TENANT_A, beforeMove, java.util.Set.of(), 10));
        assertThat(changes).singleElement().satisfies(move -> {
            assertThat(move.scope())
                    .isEqualTo(new ChangeScope(
                            owner.value(), energy.id().value(), acme.id().value()));
            assertThat(move.previousScope())
                    .isEqualTo(new ChangeScope(
                            owner.value(), retail.id().value(), acme.id().value()));
        });
    }
}
