package org.crmkit.workflow.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.Crm;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds staff of their tasks, on the shared workflow runtime: the task's reminder to its assignee, a notice to
 * the assignee once the task is overdue, and an escalation to the assignee's team lead once it has been overdue
 * for a while, as crmkit's {@link TaskReminderPolicy} (see {@code Crm.Builder.taskReminders}) sets out. Each goes
 * out as an email to the user's address, rendered from the templates {@code task-reminder}, {@code task-overdue}
 * and {@code task-escalation} (placeholders {@code task}, {@code due}, {@code assignee}, {@code lead},
 * {@code overdue}; {@link #defaultTemplates()} has English ones), and is recorded on the task
 * ({@code TaskReminderSent}, {@code TaskOverdueNoticeSent}, {@code TaskEscalated}) in the transaction that
 * schedules it.
 *
 * <p>Deduplication keys: {@code task-reminder:<task>:<reminderAt>}, {@code task-overdue:<task>:<dueAt>},
 * {@code task-escalation:<task>:<dueAt>}; a snoozed reminder or a rescheduled task therefore earns a new one. A
 * task whose assignee (or team lead) is not a known active user is skipped and tried again on the next run; a
 * task without a team lead to escalate to is not escalated. Thread-safe.
 */
public final class TaskReminders implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "task-reminders";

    private static final Logger LOG = LoggerFactory.getLogger(TaskReminders.class);
    private static final int PAGE = 500;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final TemplateRenderer templates;
    private final Locale language;
    private final DateTimeFormatter dueFormat;

    private TaskReminders(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = builder.runtime.crm();
        this.templates = builder.templates;
        this.language = builder.language;
        this.dueFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", builder.language)
                .withZone(builder.zone);
    }

    /** Starts configuring task reminders on the runtime; {@link Builder#build()} registers them with it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    /** English templates for the three messages. */
    public static TemplateRenderer defaultTemplates() {
        return PlainTemplates.builder()
                .template(
                        "task-reminder",
                        Locale.ENGLISH,
                        "Reminder: {{task}}",
                        "Hello {{assignee}},\n\nyour task '{{task}}' is due {{due}}.")
                .template(
                        "task-overdue",
                        Locale.ENGLISH,
                        "Overdue: {{task}}",
                        "Hello {{assignee}},\n\nyour task '{{task}}' was due {{due}} and is not done yet.")
                .template(
                        "task-escalation",
                        Locale.ENGLISH,
                        "Escalation: {{task}} ({{assignee}})",
                        "Hello {{lead}},\n\nthe task '{{task}}' of {{assignee}} was due {{due}} and is still open "
                                + "after {{overdue}}.")
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        TaskReminderPolicy policy = crm.activities().reminderPolicy();
        int planned = 0;
        for (Task task : all(page -> crm.activities().remindersDue(asOf, page))) {
            planned += inTransaction(task, current -> current.isReminderDue(asOf), current -> remind(current, asOf));
        }
        for (Task task : all(page -> crm.activities().overdueTasks(asOf, page))) {
            planned += inTransaction(
                    task, current -> policy.overdueNoticeDue(current, asOf), current -> noticeOverdue(current, asOf));
            planned += inTransaction(
                    task, current -> policy.escalationDue(current, asOf), current -> escalate(current, asOf));
        }
        return planned;
    }

    private int remind(Task task, Instant asOf) {
        Optional<User> assignee = activeUser(task.assignee());
        if (assignee.isEmpty()) {
            return 0;
        }
        Message message = message("task-reminder", assignee.get(), task, values(task, assignee.get()));
        boolean scheduled = schedule("task-reminder:" + task.id() + ":" + task.reminderAt(), task, message, asOf);
        crm.activities().markReminderSent(task.id());
        return scheduled ? 1 : 0;
    }

    private int noticeOverdue(Task task, Instant asOf) {
        Optional<User> assignee = activeUser(task.assignee());
        if (assignee.isEmpty()) {
            return 0;
        }
        Message message = message("task-overdue", assignee.get(), task, values(task, assignee.get()));
        boolean scheduled = schedule("task-overdue:" + task.id() + ":" + task.dueAt(), task, message, asOf);
        crm.activities().markOverdueNoticeSent(task.id());
        return scheduled ? 1 : 0;
    }

    private int escalate(Task task, Instant asOf) {
        Optional<User> assignee = activeUser(task.assignee());
        Optional<User> lead = teamLeadOf(task.assignee()).flatMap(this::activeUser);
        if (assignee.isEmpty() || lead.isEmpty()) {
            return 0;
        }
        Map<String, String> values = values(task, assignee.get());
        values.put("lead", lead.get().name());
        values.put("overdue", describe(Duration.between(task.dueAt(), asOf)));
        Message message = message("task-escalation", lead.get(), task, values);
        boolean scheduled = schedule("task-escalation:" + task.id() + ":" + task.dueAt(), task, message, asOf);
        crm.activities().markEscalated(task.id(), lead.get().id());
        return scheduled ? 1 : 0;
    }

    /**
     * Locks and re-reads the task in a transaction and acts on it if it still qualifies: another node reminding of
     * the same task at the same moment waits and then finds it done; a collision that still happens is run again
     * in a fresh transaction, and a task that keeps changing under it for several attempts is left to the next run.
     */
    private int inTransaction(Task task, Predicate<Task> qualifies, Function<Task, Integer> act) {
        try {
            return runtime.inTransactionRetryingCollisions("reminding of task " + task.id(), () -> {
                runtime.outbox().lock(RecordRef.task(task.id()));
                return crm.activities()
                        .findTask(task.id())
                        .filter(qualifies)
                        .map(act)
                        .orElse(0);
            });
        } catch (StaleVersionException e) {
            LOG.debug(
                    "task {} was changed by someone else while being reminded of; the next run looks again", task.id());
            return 0;
        }
    }

    private boolean schedule(String key, Task task, Message message, Instant asOf) {
        return runtime.outbox().schedule(NAME, new PlannedAction(key, "task:" + task.id(), message, asOf));
    }

    private Message message(String template, User recipient, Task task, Map<String, String> values) {
        return StaffMessages.email(
                recipient, templates.render(template, language, values), RecordRef.of(RecordType.TASK, task.id()));
    }

    private Map<String, String> values(Task task, User assignee) {
        Map<String, String> values = new HashMap<>();
        values.put("task", task.subject());
        values.put("due", dueFormat.format(task.dueAt()));
        values.put("assignee", assignee.name());
        return values;
    }

    private Optional<User> activeUser(UserId id) {
        return StaffMessages.activeUser(crm, id);
    }

    private Optional<UserId> teamLeadOf(UserId assignee) {
        return crm.access().teamsOf(assignee).stream()
                .flatMap(team -> team.lead().stream())
                .filter(lead -> !lead.equals(assignee))
                .findFirst();
    }

    private static String describe(Duration overdue) {
        long days = overdue.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : overdue.toHours() + " hours";
    }

    private static List<Task> all(Function<PageRequest, Page<Task>> query) {
        List<Task> tasks = new ArrayList<>();
        for (int index = 0; ; index++) {
            Page<Task> page = query.apply(PageRequest.of(index, PAGE));
            tasks.addAll(page.items());
            if (page.items().size() < PAGE) {
                return tasks;
            }
        }
    }

    /** Configures {@link TaskReminders}. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private TemplateRenderer templates = defaultTemplates();
        private Locale language = Locale.ENGLISH;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** The templates {@code task-reminder}, {@code task-overdue}, {@code task-escalation}; English by default. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** The language of the staff's messages; English by default. */
        public Builder language(Locale language) {
            this.language = Require.notNull(language, "language");
            return this;
        }

        /** The time zone due times are shown in; UTC by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Require.notNull(zone, "zone");
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public TaskReminders build() {
            TaskReminders reminders = new TaskReminders(this);
            runtime.register(reminders);
            return reminders;
        }
    }
}
