package org.crmkit.workflow.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Date-driven reminders on the shared workflow runtime: for each {@link DateReminderRule}, the user named by each
 * qualifying record gets an email at the rule's offset before or after the record's date (a contract's renewal,
 * a subscription's end, an opportunity's close date).
 *
 * <p>The records and their dates are asked for when the reminder is due, not when it is planned ahead: a date
 * changed before its reminder went out is reminded of at its new time, and a record that no longer qualifies is
 * simply not reminded of. A reminder whose time passed more than the catch-up window ago (a runner that was down)
 * is skipped. Deduplication key {@code date-reminder:<rule>:<record type>:<record id>:<date>}: one reminder per
 * record and date, and a new one when the date moves after a reminder went out. Templates get {@code title},
 * {@code date}, {@code rule} and {@code recipient}; {@link #defaultTemplates()} has an English
 * {@code date-reminder}.
 *
 * <p>The due reminders of a page of records are planned in one transaction, their records locked first
 * ({@link org.crmkit.workflow.ActionOutbox#lock}), so that nodes running at the same moment take turns and each
 * reminder is planned once; a collision the lock cannot prevent (a record crmkit does not store) runs the page again
 * in a fresh transaction, which then skips what the other node scheduled. Thread-safe.
 */
public final class DateReminders implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "date-reminders";

    private static final int PAGE = PageRequest.MAX_SIZE;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final List<DateReminderRule> rules;
    private final TemplateRenderer templates;
    private final Locale language;
    private final Duration catchUp;

    private DateReminders(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = builder.runtime.crm();
        this.rules = List.copyOf(builder.rules.values());
        this.templates = builder.templates;
        this.language = builder.language;
        this.catchUp = builder.catchUp;
    }

    /** Starts configuring date reminders on the runtime; {@link Builder#build()} registers them with it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    /** An English {@code date-reminder} template. */
    public static TemplateRenderer defaultTemplates() {
        return PlainTemplates.builder()
                .template(
                        "date-reminder",
                        Locale.ENGLISH,
                        "{{title}}: {{date}}",
                        "Hello {{recipient}},\n\na reminder ({{rule}}): {{title}} is dated {{date}}.")
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        Instant earliest = asOf.minus(catchUp);
        int planned = 0;
        for (DateReminderRule rule : rules) {
            PageRequest request = PageRequest.first(PAGE);
            while (true) {
                Page<DatedRecord> page =
                        rule.records().between(rule.dateRemindedOn(earliest), rule.dateRemindedOn(asOf), request);
                // Each run looks back over the catch-up window, so most reminders it finds went out before: those
                // cost a read, not a transaction and its locks.
                List<DueReminder> due = page.items().stream()
                        .map(record -> new DueReminder(rule, record, rule.remindAt(record.date())))
                        .filter(reminder -> reminder.at().isAfter(earliest)
                                && !reminder.at().isAfter(asOf))
                        .filter(reminder -> runtime.actionByKey(reminder.key()).isEmpty())
                        .toList();
                if (!due.isEmpty()) {
                    planned += runtime.inTransactionRetryingCollisions(
                            NAME + " of " + due.size() + " records", () -> schedule(due));
                }
                if (!page.hasNext()) {
                    break;
                }
                request = request.next();
            }
        }
        return planned;
    }

    /** A reminder whose time has come, of a record as the rule's query read it. */
    private record DueReminder(DateReminderRule rule, DatedRecord record, Instant at) {

        String key() {
            return "date-reminder:" + rule.key() + ":"
                    + record.record().type().name().toLowerCase(Locale.ROOT) + ":"
                    + record.record().id() + ":" + record.date();
        }
    }

    /**
     * Schedules the page's due reminders unless they were scheduled before, in the caller's transaction. Their records
     * are locked first, all in one call, so that another node planning them at the same moment waits and then finds
     * them scheduled; a record crmkit does not store (a host's contract) locks nothing, and the collision on its
     * deduplication key runs the page again.
     */
    private int schedule(List<DueReminder> due) {
        runtime.outbox()
                .lock(due.stream().map(reminder -> reminder.record().record()).toList());
        return due.stream().mapToInt(this::schedule).sum();
    }

    private int schedule(DueReminder reminder) {
        DatedRecord record = reminder.record();
        DateReminderRule rule = reminder.rule();
        return StaffMessages.activeUser(crm, record.remind())
                .map(user -> {
                    Map<String, String> values = new HashMap<>();
                    values.put("title", record.title());
                    values.put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(record.date()));
                    values.put("rule", rule.key());
                    values.put("recipient", user.name());
                    return runtime.outbox()
                                    .schedule(
                                            NAME,
                                            new PlannedAction(
                                                    reminder.key(),
                                                    "date-reminder:" + rule.key() + ":"
                                                            + record.record().id(),
                                                    StaffMessages.email(
                                                            user,
                                                            templates.render(rule.template(), language, values),
                                                            record.record()),
                                                    reminder.at()))
                            ? 1
                            : 0;
                })
                .orElse(0);
    }

    /** Configures {@link DateReminders}. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private final Map<String, DateReminderRule> rules = new LinkedHashMap<>();
        private TemplateRenderer templates = defaultTemplates();
        private Locale language = Locale.ENGLISH;
        private Duration catchUp = Duration.ofDays(7);

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** Adds a rule; a second one with the same key is refused. */
        public Builder rule(DateReminderRule rule) {
            Require.notNull(rule, "rule");
            if (rules.putIfAbsent(rule.key(), rule) != null) {
                throw new DuplicateRecordException("DateReminderRule", rule.key());
            }
            return this;
        }

        /** The templates the rules name; {@link #defaultTemplates()} by default. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** The language of the reminders; English by default. */
        public Builder language(Locale language) {
            this.language = Require.notNull(language, "language");
            return this;
        }

        /** How long after its time a missed reminder is still sent; seven days by default. */
        public Builder catchUp(Duration catchUp) {
            Require.notNull(catchUp, "catchUp");
            Require.that(!catchUp.isNegative() && !catchUp.isZero(), "catchUp", "must be positive, was " + catchUp);
            this.catchUp = catchUp;
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public DateReminders build() {
            Require.that(!rules.isEmpty(), "rules", "at least one rule is required");
            DateReminders reminders = new DateReminders(this);
            runtime.register(reminders);
            return reminders;
        }
    }
}
