package org.crmkit.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.Collisions;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.ActionStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/**
 * A page of due reminders whose scheduling collides on a deduplication key with an action another node committed
 * first (the store answers {@link DuplicateRecordException}, as a database does for records crmkit does not store
 * and so cannot lock) is planned again in a fresh transaction: each reminder goes out once and the run goes on.
 */
class DateReminderCollisionTest {

    private static final LocalDate RENEWAL = LocalDate.of(2026, 6, 30);

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-29T09:00:00Z"));
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final InMemoryWorkflowStore inMemory = InMemoryWorkflowStore.create(storage);
    private final AtomicInteger collisionsLeft = new AtomicInteger();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final User owner =
            crm.access().registerUser("Olga Owner", EmailAddress.of("olga@acme.example"), Set.of(Role.SALES));

    /** The in-memory store, except that the next {@code collisionsLeft} new actions collide with another node's. */
    private WorkflowStore collidingStore() {
        ActionStore colliding = Collisions.on(
                ActionStore.class,
                inMemory.actions(),
                "add",
                collisionsLeft,
                () -> new DuplicateRecordException("Action", "(scheduled by another node)"));
        return new WorkflowStore() {
            @Override
            public Storage storage() {
                return inMemory.storage();
            }

            @Override
            public ActionStore actions() {
                return colliding;
            }
        };
    }

    @Test
    void pageWhoseReminderCollidesTwiceIsPlannedAgainAndEachReminderGoesOutOnce() {
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(collidingStore())
                .channel(Channel.EMAIL, gateway)
                .build();
        List<UUID> contracts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "renewal-tomorrow",
                        (from, to, page) -> Page.of(
                                contracts.stream()
                                        .map(contract -> new DatedRecord(
                                                RecordRef.of(RecordType.ACCOUNT, AccountId.of(contract)),
                                                RENEWAL,
                                                owner.id(),
                                                "Contract " + contract))
                                        .toList(),
                                page),
                        Period.ofDays(-1),
                        LocalTime.of(8, 0),
                        ZoneOffset.UTC,
                        "date-reminder"))
                .build();
        collisionsLeft.set(2);

        RunReport report = runtime.runDue(clock.instant());

        assertThat(collisionsLeft).hasValue(0);
        assertThat(report).isEqualTo(new RunReport(3, 3, 0, 0));
        assertThat(gateway.keys())
                .containsExactlyInAnyOrderElementsOf(contracts.stream()
                        .map(contract -> "date-reminder:renewal-tomorrow:account:" + contract + ":" + RENEWAL)
                        .toList());
        assertThat(runtime.runDue(clock.instant())).isEqualTo(new RunReport(0, 0, 0, 0));
    }
}
