package org.crmkit.workflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.Crm;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver.Received;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/** Two nodes (two runtimes with their webhooks on one storage) running at once, on real threads. */
class WebhookNodesTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T07:00:00Z"));
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final WorkflowStore workflowStore = InMemoryWorkflowStore.create(storage);
    private final WebhookStore webhookStore = InMemoryWebhookStore.create(storage);

    private Node node() {
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        WorkflowRuntime runtime =
                WorkflowRuntime.builder().crm(crm).store(workflowStore).build();
        Webhooks webhooks = Webhooks.builder(runtime).store(webhookStore).build();
        return new Node(crm, runtime, webhooks);
    }

    private record Node(Crm crm, WorkflowRuntime runtime, Webhooks webhooks) {}

    @Test
    void twoNodesRunningAtOnceDeliverEachChangeOnceAndInOrderPerSubscriber() throws Exception {
        Node first = node();
        Node second = node();
        UserId owner = UserId.next(new IdGenerator(clock));
        try (LoopbackWebhookReceiver erp = LoopbackWebhookReceiver.start(SECRET, clock);
                LoopbackWebhookReceiver search = LoopbackWebhookReceiver.start(SECRET, clock)) {
            first.webhooks().subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
            second.webhooks().subscribe(search.endpoint(), SECRET, Set.of("*"), Map.of());
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> running = new ArrayList<>();
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        first.crm().parties().registerAccount(NewAccount.of("Account " + i, owner));
                    }
                }));
                for (Node node : List.of(first, second)) {
                    running.add(threads.submit(() -> {
                        for (int run = 0; run < 40; run++) {
                            node.runtime().runDue();
                        }
                    }));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            } finally {
                threads.shutdown();
            }
            first.runtime().runDue();
            second.runtime().runDue();

            for (LoopbackWebhookReceiver receiver : List.of(erp, search)) {
                List<Received> received = receiver.received();
                assertThat(received).hasSize(60).allMatch(Received::signedRight);
                assertThat(received).extracting(Received::deliveryId).doesNotHaveDuplicates();
                assertThat(positions(received)).isSorted();
            }
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
