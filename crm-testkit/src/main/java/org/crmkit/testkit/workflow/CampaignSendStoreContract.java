package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.campaign.CampaignRecipient;
import org.crmkit.workflow.campaign.CampaignResponse;
import org.crmkit.workflow.campaign.CampaignSend;
import org.crmkit.workflow.campaign.CampaignSendStore;
import org.crmkit.workflow.campaign.RecipientStatus;
import org.crmkit.workflow.campaign.ResponseKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CampaignSendStore} adapter must do: a round trip of every field, one send per campaign, one
 * recipient per campaign and contact and per token, optimistic versions of sends (with their hourly count) and
 * recipients, keyset pages of recipients, bounces, tenancy, rollback with crmkit's transaction, and responses recorded by several threads at once
 * (each retrying after a stale version) without losing one. An adapter's test extends it and supplies crmkit's
 * storage and the store on top of it.
 */
public abstract class CampaignSendStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected CampaignSendStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty campaign send store that joins the transactions of {@code storage}. */
    protected abstract CampaignSendStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private CampaignSend send(TenantId tenant, CampaignId campaign) {
        return CampaignSend.of(
                tenant,
                campaign,
                SegmentId.next(ids),
                Channel.SMS,
                "spring-sale",
                250,
                LocalTime.of(9, 30),
                LocalTime.of(18, 0),
                NOW);
    }

    private CampaignRecipient recipient(TenantId tenant, CampaignId campaign, ContactId contact, Instant at) {
        return new CampaignRecipient(
                tenant,
                campaign,
                contact,
                0,
                Channel.EMAIL,
                "ann@example.com",
                RecipientStatus.SCHEDULED,
                "token-" + ids.next(),
                at,
                List.of());
    }

    private CampaignRecipient stored(CampaignId campaign, ContactId contact) {
        return inTransaction(() -> store.addRecipient(recipient(TENANT_A, campaign, contact, NOW)));
    }

    @Test
    void everyFieldOfASendSurvivesTheRoundTripAndACampaignHasOneSend() {
        CampaignId campaign = CampaignId.next(ids);
        CampaignSend send = send(TENANT_A, campaign);

        CampaignSend added = inTransaction(() -> store.addSend(send));

        assertThat(added).isEqualTo(send.withVersion(1));
        assertThat(store.findSend(TENANT_A, campaign)).contains(added);
        assertThatThrownBy(() -> inTransaction(() -> store.addSend(send))).isInstanceOf(DuplicateRecordException.class);
        assertThat(store.findSend(TENANT_B, campaign)).isEmpty();
    }

    @Test
    void sendsOfATenantComeByCampaign() {
        List<CampaignId> campaigns = List.of(CampaignId.next(ids), CampaignId.next(ids), CampaignId.next(ids));
        inTransaction(() -> {
            store.addSend(send(TENANT_A, campaigns.get(2)));
            store.addSend(send(TENANT_A, campaigns.get(0)));
            store.addSend(send(TENANT_B, campaigns.get(1)));
            return null;
        });

        assertThat(store.sends(TENANT_A))
                .extracting(CampaignSend::campaign)
                .containsExactly(campaigns.get(0), campaigns.get(2));
    }

    @Test
    void everyFieldOfARecipientSurvivesTheRoundTrip() {
        CampaignId campaign = CampaignId.next(ids);
        ContactId contact = ContactId.next(ids);
        CampaignRecipient added = stored(campaign, contact);

        CampaignRecipient answered =
                inTransaction(() -> store.updateRecipient(added.withStatus(RecipientStatus.UNSUBSCRIBED)
                        .withResponse(new CampaignResponse(ResponseKind.OPENED, NOW.plusSeconds(60)))
                        .withResponse(new CampaignResponse(ResponseKind.CLICKED, NOW.plusSeconds(90)))));

        assertThat(answered.version()).isEqualTo(2);
        assertThat(answered.responses())
                .extracting(CampaignResponse::kind)
                .containsExactly(ResponseKind.OPENED, ResponseKind.CLICKED);
        assertThat(store.findRecipient(TENANT_A, campaign, contact)).contains(answered);
        assertThat(store.findByToken(TENANT_A, added.unsubscribeToken())).contains(answered);
        assertThat(store.findByToken(TENANT_B, added.unsubscribeToken())).isEmpty();
        assertThat(store.findRecipient(TENANT_B, campaign, contact)).isEmpty();
    }

    @Test
    void aSecondRecipientOfTheContactOrWithTheTokenIsRefused() {
        CampaignId campaign = CampaignId.next(ids);
        CampaignRecipient first = stored(campaign, ContactId.next(ids));

        assertThatThrownBy(() ->
                        inTransaction(() -> store.addRecipient(recipient(TENANT_A, campaign, first.contact(), NOW))))
                .isInstanceOf(DuplicateRecordException.class);
        CampaignRecipient sameToken = recipient(TENANT_A, campaign, ContactId.next(ids), NOW);
        assertThatThrownBy(() -> inTransaction(() -> store.addRecipient(new CampaignRecipient(
                        TENANT_A,
                        campaign,
                        sameToken.contact(),
                        0,
                        Channel.EMAIL,
                        "bob@example.com",
                        RecipientStatus.SCHEDULED,
                        first.unsubscribeToken(),
                        NOW,
                        List.of()))))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(store.findRecipient(TENANT_A, campaign, sameToken.contact())).isEmpty();
        assertThat(inTransaction(() -> store.addRecipient(recipient(TENANT_B, campaign, first.contact(), NOW)))
                        .version())
                .isEqualTo(1);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        CampaignRecipient added = stored(CampaignId.next(ids), ContactId.next(ids));
        CampaignRecipient opened = inTransaction(() -> store.updateRecipient(respond(added, ResponseKind.OPENED)));

        assertThatThrownBy(() -> inTransaction(() -> store.updateRecipient(respond(added, ResponseKind.CLICKED))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findRecipient(TENANT_A, added.campaign(), added.contact()))
                .contains(opened);
    }

    @Test
    void recipientsComeInKeysetPagesByContact() {
        CampaignId campaign = CampaignId.next(ids);
        List<ContactId> contacts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            contacts.add(ContactId.next(ids));
        }
        inTransaction(() -> {
            for (int i = contacts.size() - 1; i >= 0; i--) {
                ContactId contact = contacts.get(i);
                store.addRecipient(recipient(TENANT_A, campaign, contact, NOW));
            }
            store.addRecipient(recipient(TENANT_A, CampaignId.next(ids), contacts.get(0), NOW));
            store.addRecipient(recipient(TENANT_B, campaign, ContactId.next(ids), NOW));
            return null;
        });

        List<ContactId> paged = new ArrayList<>();
        ContactId after = null;
        List<CampaignRecipient> page;
        do {
            page = store.recipients(TENANT_A, campaign, after, 3);
            page.forEach(recipient -> paged.add(recipient.contact()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).contact();
        } while (page.size() == 3);

        assertThat(paged).containsExactlyElementsOf(contacts);
        assertThat(store.recipients(TENANT_A, CampaignId.next(ids), null, 3)).isEmpty();
    }

    @Test
    void theCampaignsOfAContactComeByCampaign() {
        ContactId contact = ContactId.next(ids);
        CampaignId first = CampaignId.next(ids);
        CampaignId second = CampaignId.next(ids);
        stored(second, contact);
        stored(first, contact);
        stored(first, ContactId.next(ids));

        assertThat(store.recipientsOf(TENANT_A, contact))
                .extracting(CampaignRecipient::campaign)
                .containsExactly(first, second);
        assertThat(store.recipientsOf(TENANT_B, contact)).isEmpty();
    }

    @Test
    void aSendKeepsItsHourlyCountAndAStaleVersionIsRefused() {
        CampaignId campaign = CampaignId.next(ids);
        CampaignSend added = inTransaction(() -> store.addSend(send(TENANT_A, campaign)));
        Instant nextHour = NOW.plus(Duration.ofHours(1));

        CampaignSend counted = inTransaction(() -> store.updateSend(added.withScheduled(nextHour, 40)));
        CampaignSend more = inTransaction(() -> store.updateSend(counted.withScheduled(nextHour, 5)));

        assertThat(more.version()).isEqualTo(3);
        assertThat(store.findSend(TENANT_A, campaign)).contains(more);
        assertThat(more.roomIn(nextHour)).isEqualTo(250 - 45);
        assertThat(more.roomIn(nextHour.plus(Duration.ofHours(1)))).isEqualTo(250);
        assertThatThrownBy(() -> inTransaction(() -> store.updateSend(counted.withScheduled(nextHour, 1))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findSend(TENANT_A, campaign)).contains(more);
    }

    @Test
    void aBouncedAddressIsKeptOncePerChannelAndTenant() {
        inTransaction(() -> {
            store.addBounce(TENANT_A, Channel.EMAIL, "gone@example.com");
            store.addBounce(TENANT_A, Channel.EMAIL, "gone@example.com");
            return null;
        });
        inTransaction(() -> {
            store.addBounce(TENANT_A, Channel.EMAIL, "gone@example.com");
            return null;
        });

        assertThat(store.isBounced(TENANT_A, Channel.EMAIL, "gone@example.com")).isTrue();
        assertThat(store.isBounced(TENANT_A, Channel.SMS, "gone@example.com")).isFalse();
        assertThat(store.isBounced(TENANT_B, Channel.EMAIL, "gone@example.com")).isFalse();
        assertThat(store.isBounced(TENANT_A, Channel.EMAIL, "here@example.com")).isFalse();
    }

    @Test
    void writesNeedATransactionAndRollBackWithIt() {
        CampaignId campaign = CampaignId.next(ids);
        ContactId contact = ContactId.next(ids);
        assertThatThrownBy(() -> store.addRecipient(recipient(TENANT_A, campaign, contact, NOW)))
                .isInstanceOf(TransactionRequiredException.class);
        assertThatThrownBy(() -> store.addBounce(TENANT_A, Channel.EMAIL, "x@example.com"))
                .isInstanceOf(TransactionRequiredException.class);

        assertThatThrownBy(() -> inTransaction(() -> {
                    store.addSend(send(TENANT_A, campaign));
                    store.addRecipient(recipient(TENANT_A, campaign, contact, NOW));
                    store.addBounce(TENANT_A, Channel.EMAIL, "x@example.com");
                    throw new IllegalStateException("the planning failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.findSend(TENANT_A, campaign)).isEmpty();
        assertThat(store.findRecipient(TENANT_A, campaign, contact)).isEmpty();
        assertThat(store.isBounced(TENANT_A, Channel.EMAIL, "x@example.com")).isFalse();
        assertThat(stored(campaign, contact).version()).isEqualTo(1);
    }

    @Test
    void responsesRecordedByConcurrentThreadsAreAllKept() throws Exception {
        CampaignId campaign = CampaignId.next(ids);
        CampaignRecipient shared = stored(campaign, ContactId.next(ids));
        List<CampaignRecipient> own = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            own.add(stored(campaign, ContactId.next(ids)));
        }
        List<ResponseKind> kinds = List.of(ResponseKind.values());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                CampaignRecipient mine = own.get(t);
                done.add(threads.submit(() -> {
                    for (ResponseKind kind : kinds) {
                        retryingStale(shared, recipient -> respond(recipient, kind));
                        retryingStale(mine, recipient -> respond(recipient, kind));
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        CampaignRecipient sharedNow =
                store.findRecipient(TENANT_A, campaign, shared.contact()).orElseThrow();
        assertThat(sharedNow.responses()).hasSize(4 * kinds.size());
        assertThat(sharedNow.version()).isEqualTo(1 + 4 * kinds.size());
        for (CampaignRecipient mine : own) {
            assertThat(store.findRecipient(TENANT_A, campaign, mine.contact())
                            .orElseThrow()
                            .responses())
                    .extracting(CampaignResponse::kind)
                    .containsExactlyElementsOf(kinds);
        }
    }

    /** Reads the recipient, changes it and saves it in one transaction, again after a stale version. */
    private void retryingStale(CampaignRecipient recipient, UnaryOperator<CampaignRecipient> change) {
        for (int attempt = 0; ; attempt++) {
            try {
                inTransaction(() -> store.updateRecipient(
                        change.apply(store.findRecipient(recipient.tenant(), recipient.campaign(), recipient.contact())
                                .orElseThrow())));
                return;
            } catch (StaleVersionException stale) {
                if (attempt == 200) {
                    throw stale;
                }
            }
        }
    }

    private CampaignRecipient respond(CampaignRecipient recipient, ResponseKind kind) {
        return recipient.withResponse(new CampaignResponse(kind, clock.instant()));
    }
}
