package org.crmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/** {@link WorkflowRuntime.Builder#dispatchers}: several dispatch loops of one runtime at once, on real threads. */
class SeveralDispatchersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final AccountId account = AccountId.next(new IdGenerator(clock));
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    private WorkflowRuntime runtime(TenantResolver tenants, int dispatchers) {
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenantResolver(tenants)
                .build();
        return WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .tenantResolver(tenants)
                .channel(Channel.EMAIL, (key, message) -> sent.add(key))
                .dispatchers(dispatchers)
                .build();
    }

    private List<String> plan(WorkflowRuntime runtime, int count) {
        List<String> keys = IntStream.range(0, count).mapToObj(i -> "k-" + i).toList();
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .scheduleAll(
                                "reminders",
                                keys.stream()
                                        .map(key -> new PlannedAction(
                                                key,
                                                key,
                                                new Message(
                                                        Channel.EMAIL,
                                                        key + "@example.com",
                                                        key,
                                                        "Reminder",
                                                        "Dear " + key,
                                                        Locale.ENGLISH,
                                                        RecordRef.account(account)),
                                                START))
                                        .toList()));
        return keys;
    }

    @Test
    void fourDispatchersDeliverEveryActionOnce() {
        WorkflowRuntime runtime = runtime(TenantResolver.fixed(ACME), 4);
        List<String> keys = plan(runtime, 1_850);

        RunReport report = runtime.dispatchDue(START);

        assertThat(report).isEqualTo(new RunReport(0, 1_850, 0, 0));
        assertThat(sent).hasSize(1_850).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
        assertThat(runtime.actionByKey("k-1849").map(Action::status)).contains(ActionStatus.DELIVERED);
    }

    @Test
    void tenantBoundToTheCallingThreadIsRefusedBeforeAnythingIsClaimed() {
        ThreadLocal<TenantId> requestTenant = new ThreadLocal<>();
        requestTenant.set(ACME);
        WorkflowRuntime runtime = runtime(requestTenant::get, 2);
        plan(runtime, 3);

        assertThatThrownBy(() -> runtime.dispatchDue(START))
                .isInstanceOf(NotConfiguredException.class)
                .hasMessageContaining("were told null where the calling thread was told acme");

        assertThat(sent).isEmpty();
        assertThat(runtime.actionByKey("k-0").orElseThrow().claimedUntil()).isNull();
    }
}
