package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.reminder.TaskReminders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Task reminders on two application instances over one PostgreSQL database (each a {@link JpaStorage} of its own
 * with a {@link JpaWorkflowStore}, its own crmkit, runtime and {@link TaskReminders}), both running at the same
 * moment: every reminder and overdue notice is planned and sent once, and neither run fails.
 */
class TaskReminderNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final Instant TUESDAY_TEN = Instant.parse("2026-03-03T10:00:00Z");

    private final WorkflowNodes<TaskReminders> nodes = new WorkflowNodes<>(
            database,
            SettableClock.at(TUESDAY_TEN.minus(Duration.ofDays(1))),
            crm -> crm.taskReminders(TaskReminderPolicy.standard().withOverdueNoticeAfter(Duration.ofHours(1))),
            (runtime, storage) -> TaskReminders.builder(runtime)
                    .zone(ZoneId.of("Europe/Berlin"))
                    .build());

    @AfterEach
    void stopThreads() {
        nodes.close();
    }

    @Test
    void twoNodesRunningAtOnceSendEachReminderAndOverdueNoticeOnceAndNeitherRunFails() throws Exception {
        Crm crm = nodes.first().crm();
        User ada = crm.access().registerUser("Ada Agent", EmailAddress.of("ada@acme.example"), Set.of(Role.SALES));
        for (int i = 0; i < 30; i++) {
            crm.activities()
                    .createTask(NewTask.of("Task " + i, TUESDAY_TEN, ada.id()).withReminderAt(TUESDAY_TEN));
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(nodes.runTogether(TUESDAY_TEN));
            rounds.add(nodes.runTogether(TUESDAY_TEN.plus(Duration.ofHours(2))));
            rounds.add(nodes.runTogether(TUESDAY_TEN.plus(Duration.ofHours(3))));
        });

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(rounds)
                .containsExactly(new RunReport(30, 30, 0, 0), new RunReport(30, 30, 0, 0), new RunReport(0, 0, 0, 0));
        assertThat(nodes.sent).hasSize(60).doesNotHaveDuplicates();
        assertThat(crm.activities()
                        .remindersDue(TUESDAY_TEN, PageRequest.first(50))
                        .items())
                .isEmpty();
    }
}
