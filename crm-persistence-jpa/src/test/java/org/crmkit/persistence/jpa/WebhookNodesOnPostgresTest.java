package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver.Received;
import org.crmkit.workflow.webhook.DeliveryStatus;
import org.crmkit.workflow.webhook.WebhookRetries;
import org.crmkit.workflow.webhook.Webhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks on two nodes sharing one PostgreSQL database, running at the same moment: every change reaches each
 * subscriber once, in feed order, and a subscriber whose endpoint fails at first gets its changes in order after the
 * backoff, while the other one is not held back.
 */
class WebhookNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final Instant START = Instant.parse("2026-06-01T07:00:00Z");
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    @Test
    void twoNodesDeliverEachChangeOnceInFeedOrderAndRetryAFailingEndpointOnItsSchedule() throws Exception {
        SettableClock clock = SettableClock.at(START);
        WebhookRetries retries = new WebhookRetries(5, Duration.ofMinutes(1), Duration.ofHours(1), 0);
        try (LoopbackWebhookReceiver erp = LoopbackWebhookReceiver.start(SECRET, clock);
                LoopbackWebhookReceiver search = LoopbackWebhookReceiver.start(SECRET, clock);
                WorkflowNodes<Webhooks> nodes = new WorkflowNodes<>(
                        database,
                        clock,
                        (runtime, storage) -> Webhooks.builder(runtime)
                                .store(JpaWebhookStore.create(storage))
                                .retries(retries)
                                .build())) {
            Webhooks webhooks = nodes.first().workflow();
            webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
            webhooks.subscribe(search.endpoint(), SECRET, Set.of("*"), Map.of());
            AtomicInteger failuresLeft = new AtomicInteger(2);
            erp.answer(received -> failuresLeft.getAndDecrement() > 0 ? 500 : 200);
            UserId owner = UserId.next(new IdGenerator(clock));
            for (int i = 0; i < 30; i++) {
                nodes.node(i % 2).crm().parties().registerAccount(NewAccount.of("Account " + i, owner));
            }

            nodes.runTogether(START);
            nodes.runTogether(START);
            assertThat(search.received()).hasSize(30);
            assertThat(erp.received()).hasSize(1);

            nodes.runTogether(START.plus(Duration.ofMinutes(1)));
            nodes.runTogether(START.plus(Duration.ofMinutes(3)));
            nodes.runTogether(START.plus(Duration.ofMinutes(3)));

            List<Received> toErp = erp.received();
            assertThat(toErp).hasSize(32).allMatch(Received::signedRight);
            assertThat(toErp.subList(0, 3))
                    .extracting(Received::deliveryId)
                    .containsOnly(toErp.get(0).deliveryId());
            assertThat(positions(toErp.subList(2, 32))).isSorted().doesNotHaveDuplicates();
            assertThat(search.received()).extracting(Received::deliveryId).doesNotHaveDuplicates();
            assertThat(positions(search.received())).isSorted();
            assertThat(webhooks.deliveries(DeliveryStatus.DELIVERED, PageRequest.first(100))
                            .totalElements())
                    .isEqualTo(60);
            assertThat(webhooks.deliveries(DeliveryStatus.PENDING, PageRequest.first(100))
                            .items())
                    .isEmpty();
        }
    }

    private static List<Long> positions(List<Received> received) {
        List<Long> positions = new ArrayList<>();
        for (Received request : received) {
            Matcher matcher = POSITION.matcher(request.body());
            assertThat(matcher.find()).isTrue();
            positions.add(Long.parseLong(matcher.group(1)));
        }
        return positions;
    }
}
