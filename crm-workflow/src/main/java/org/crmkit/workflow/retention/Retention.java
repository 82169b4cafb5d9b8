package org.crmkit.workflow.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.party.Contact;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Retention as a workflow on the runtime: each run finds the contacts and leads whose erasure its
 * {@link RetentionRule}s make due and schedules one {@link RetentionErasure} per record (deduplication key
 * {@code retention:<type>:<id>}, so a record is scheduled once however often the run repeats); the runtime delivers
 * it by erasing the record with {@code crm.privacy().erase} in the transaction that marks it delivered, with the
 * rule as the reason. An erasure refused by a legal hold is retried and fails for staff to see. Thread-safe.
 *
 * <pre>{@code
 * Retention retention = Retention.builder(runtime)
 *         .rule(RetentionRule.leadsNotConvertedWithin(Period.ofMonths(24)))
 *         .rule(RetentionRule.contactsWithoutActivityFor(Period.ofYears(3)))
 *         .build();
 * runtime.runDue();            // plans what is due and erases it
 * }</pre>
 */
public final class Retention implements Workflow {

    /** The workflow's name on the runtime. */
    public static final String NAME = "retention";

    private static final EnumSet<LeadStatus> NOT_CONVERTED = EnumSet.complementOf(EnumSet.of(LeadStatus.CONVERTED));

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final List<RetentionRule> rules;
    private final ZoneId zone;

    private Retention(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = runtime.crm();
        this.rules = List.copyOf(builder.rules);
        this.zone = crm.clock().getZone();
        runtime.handleInTransaction(
                RetentionErasure.class,
                (action, erasure) -> crm.privacy().erase(erasure.subject(), "retention rule " + erasure.rule()));
        runtime.register(this);
    }

    /** Starts configuring retention on the runtime; {@link Builder#build()} registers it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The records due for erasure as of {@code asOf}, by rule, without scheduling anything. */
    public RetentionReport review(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return new RetentionReport(asOf, due(asOf), 0);
    }

    /** Schedules the erasure of every record due as of {@code asOf} not scheduled before, and says what it found. */
    public RetentionReport run(Instant asOf) {
        Require.notNull(asOf, "asOf");
        Map<String, List<RecordRef>> due = due(asOf);
        int scheduled = runtime.inTransactionRetryingCollisions(NAME, () -> {
            List<PlannedAction> planned = new ArrayList<>();
            due.forEach((rule, subjects) -> subjects.forEach(subject -> planned.add(new PlannedAction(
                    NAME + ":" + subject.type().name().toLowerCase() + ":" + subject.id(),
                    NAME + ":" + subject.type().name().toLowerCase() + ":" + subject.id(),
                    new RetentionErasure(rule, subject),
                    asOf))));
            return runtime.outbox().scheduleAll(NAME, planned);
        });
        return new RetentionReport(asOf, due, scheduled);
    }

    @Override
    public int planDue(Instant asOf) {
        return run(asOf).scheduled();
    }

    private Map<String, List<RecordRef>> due(Instant asOf) {
        Map<String, List<RecordRef>> due = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            Instant before =
                    ZonedDateTime.ofInstant(asOf, zone).minus(rule.keptFor()).toInstant();
            due.put(
                    rule.name(),
                    rule.kind() == RetentionRule.Kind.LEADS_NOT_CONVERTED
                            ? leadsCapturedBefore(before)
                            : contactsInactiveSince(before));
        }
        return due;
    }

    private List<RecordRef> leadsCapturedBefore(Instant before) {
        List<RecordRef> due = new ArrayList<>();
        for (LeadStatus status : NOT_CONVERTED) {
            everyPage(page -> crm.leads().leadsIn(status, page)).stream()
                    .filter(lead -> lead.capturedAt().isBefore(before))
                    .map(Lead::id)
                    .map(RecordRef::lead)
                    .forEach(due::add);
        }
        return due;
    }

    private List<RecordRef> contactsInactiveSince(Instant before) {
        return everyPage(page -> crm.parties().contacts(page)).stream()
                .filter(contact -> contact.registeredAt().isBefore(before) && !activeSince(contact, before))
                .map(Contact::id)
                .map(RecordRef::contact)
                .toList();
    }

    private boolean activeSince(Contact contact, Instant since) {
        List<Activity> newest = crm.activities()
                .timeline(contact.id(), TimelineFilter.ALL, PageRequest.first(1))
                .items();
        return !newest.isEmpty() && !newest.get(0).occurredAt().isBefore(since);
    }

    private static <T> List<T> everyPage(Function<PageRequest, Page<T>> query) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        Page<T> page;
        do {
            page = query.apply(request);
            all.addAll(page.items());
            request = request.next();
        } while (page.hasNext());
        return all;
    }

    /** Configures {@link Retention}: at least one rule. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private final List<RetentionRule> rules = new ArrayList<>();

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** Adds a rule; a second rule of the same name is refused. */
        public Builder rule(RetentionRule rule) {
            Require.notNull(rule, "rule");
            Require.that(
                    rules.stream().noneMatch(other -> other.name().equals(rule.name())),
                    "rule",
                    "a rule named '" + rule.name() + "' is given already");
            rules.add(rule);
            return this;
        }

        public Retention build() {
            Require.that(!rules.isEmpty(), "rules", "retention needs at least one rule");
            return new Retention(this);
        }
    }
}
