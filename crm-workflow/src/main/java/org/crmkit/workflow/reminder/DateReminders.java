package org.crmkit.workflow.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.crmkit.workflow.runtime.PlannedAction;

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
 * {@code date-reminder}. Thread-safe.
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
                .template("date-reminder", Locale.ENGLISH, "{{title}}: {{date}}",
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
            for (DatedRecord record : all(rule, rule.dateRemindedOn(earliest), rule.dateRemindedOn(asOf))) {
                Instant remindAt = rule.remindAt(record.date());
                if (remindAt.isAfter(earliest) && !remindAt.isAfter(asOf)) {
                    planned += plan(rule, record, remindAt);
                }
            }
        }
        return planned;
    }

    private int plan(DateReminderRule rule, DatedRecord record, Instant remindAt) {
        String key = "date-reminder:" + rule.key() + ":" + record.record().type().name().toLowerCase(Locale.ROOT)
                + ":" + record.record().id() + ":" + record.date();
        if (runtime.actionByKey(key).isPresent()) {
            return 0;
        }
        return runtime.transactions().inTransaction(() -> StaffMessages.activeUser(crm, record.remind()).map(user -> {
            Map<String, String> values = new HashMap<>();
            values.put("title", record.title());
            values.put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(record.date()));
            values.put("rule", rule.key());
            values.put("recipient", user.name());
            return runtime.outbox().schedule(NAME, new PlannedAction(key,
                    "date-reminder:" + rule.key() + ":" + record.record().id(),
                    StaffMessages.email(user, templates.render(rule.template(), language, values), record.record()),
                    remindAt)) ? 1 : 0;
        }).orElse(0));
    }

    private static List<DatedRecord> all(DateReminderRule rule, LocalDate from, LocalDate to) {
        List<DatedRecord> records = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<DatedRecord> page = rule.records().between(from, to, request);
            records.addAll(page.items());
            if (!page.hasNext()) {
                return records;
            }
            request = request.next();
        }
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
