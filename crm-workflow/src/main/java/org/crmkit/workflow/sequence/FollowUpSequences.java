package org.crmkit.workflow.sequence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.calendar.StatutoryHolidays;
import org.crmkit.core.calendar.WorkingHours;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.ConsentWithdrawn;
import org.crmkit.core.privacy.PersonalDataErased;
import org.crmkit.core.sales.OpportunityLost;
import org.crmkit.core.sales.OpportunityWon;
import org.crmkit.core.spi.HolidayCalendar;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ContactMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up sequences on the shared workflow runtime: contacts are {@link #enrol enrolled} in a {@link Sequence}
 * and go through its steps. Messages go out only inside the {@link WorkingHours} of a business day in the
 * contact's time zone and country (from the contact's primary postal address and the {@link HolidayCalendar}),
 * only with the contact's consent for the channel and purpose (service by default; a withdrawn consent ends the
 * enrolment as {@link EndReason#UNSUBSCRIBED}), rendered from the template in the contact's language with the
 * values {@code firstName}, {@code lastName}, {@code fullName}, {@code salutation} and, when the tenant's offer
 * rules ({@code crm.offers()}) make an offer for the occasion {@code sequence-<key>} on the day the message goes,
 * the offer's values ({@link ContactMessages#chooseOffer}; the choice and its rule are recorded on the message), and logged on the contact's
 * timeline once delivered; a message step for a contact without an address on its channel is skipped. A call-task step creates a crmkit task and pauses the enrolment until the task is done
 * or cancelled; a wait step waits business days.
 *
 * <p>An enrolment ends early {@link #end by hand} or on the contact's reply, booked meeting, unsubscribe, bounce or
 * won or lost opportunity ({@link #endFor}; crmkit's own events through {@link #onEvent}), which also
 * cancels its messages not delivered yet. A contact is never
 * in the same sequence twice at once. Deduplication keys: {@code sequence:<enrolment>:step-<n>}.
 *
 * <p>A run takes the due enrolments a batch at a time, each batch in one transaction with the enrolments'
 * contacts locked first ({@link org.crmkit.workflow.ActionOutbox#lock}), so that nodes running at the same moment
 * take turns and each step is taken once; a collision the locks do not prevent (a stale enrolment version) runs the
 * batch again in a fresh transaction, which then finds the step done. Thread-safe.
 */
public final class FollowUpSequences implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "sequences";

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSequences.class);
    private static final int BATCH = 200;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final EnrolmentStore enrolments;
    private final Map<String, Sequence> sequences;
    private final ConsentPurpose purpose;
    private final IdGenerator ids;
    private final SequenceSteps steps;

    private FollowUpSequences(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = builder.runtime.crm();
        this.enrolments = builder.enrolments;
        this.sequences = Map.copyOf(builder.sequences);
        this.purpose = builder.purpose;
        this.ids = new IdGenerator(crm.clock());
        this.steps = new SequenceSteps(
                runtime,
                enrolments,
                this::requireSequence,
                builder.templates,
                builder.holidays,
                builder.workingHours,
                builder.defaultCountry,
                builder.defaultZone,
                builder.defaultLanguage,
                purpose);
    }

    /** Starts configuring sequences on the runtime; {@link Builder#build()} registers them with it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Enrols the contact in the sequence; its first step runs on the next run. Refuses an unknown sequence or
     * contact, and a contact already running through the same sequence ({@link DuplicateRecordException}).
     */
    public Enrolment enrol(ContactId contact, String sequence) {
        Require.notNull(contact, "contact");
        requireSequence(sequence);
        return runtime.transactions().inTransaction(() -> {
            crm.parties().contact(contact);
            Enrolment enrolment = Enrolment.start(
                    EnrolmentId.next(ids),
                    runtime.tenant(),
                    sequence,
                    contact,
                    crm.clock().instant());
            return enrolments
                    .add(enrolment)
                    .orElseThrow(() -> new DuplicateRecordException("Enrolment", contact + " in sequence " + sequence));
        });
    }

    /** Ends a running enrolment and cancels its messages not delivered yet. */
    public Enrolment end(EnrolmentId id, EndReason reason) {
        Require.notNull(id, "id");
        Require.notNull(reason, "reason");
        return runtime.transactions().inTransaction(() -> {
            Enrolment enrolment = enrolment(id);
            if (!enrolment.status().isRunning()) {
                throw new IllegalTransitionException(
                        "Enrolment " + id + " is " + enrolment.status() + " and cannot end");
            }
            return steps.endNow(enrolment, reason);
        });
    }

    /**
     * Ends every running enrolment of the contact (on a reply, a booked meeting, an unsubscribe, a bounce, a won
     * or lost opportunity) and returns them as ended.
     */
    public List<Enrolment> endFor(ContactId contact, EndReason reason) {
        Require.notNull(contact, "contact");
        Require.notNull(reason, "reason");
        return runtime.transactions()
                .inTransaction(() -> enrolments.findRunning(runtime.tenant(), contact).stream()
                        .map(enrolment -> steps.endNow(enrolment, reason))
                        .toList());
    }

    /**
     * Ends enrolments on crmkit's events: a won or lost opportunity ends the enrolments of its primary contact and
     * of the contacts in its buying roles ({@link EndReason#OPPORTUNITY_WON}, {@link EndReason#OPPORTUNITY_LOST});
     * a withdrawn consent for the sequences' purpose ends the contact's enrolments in sequences that write on that
     * channel ({@link EndReason#UNSUBSCRIBED}); an erasure of the contact's data ends its enrolments
     * ({@link EndReason#ERASED}); other events are ignored. The runtime passes crmkit's events to its
     * workflows as soon as they are committed. Replies, meetings and bounces happen outside crmkit: the host reports
     * them through {@link #endFor}.
     */
    @Override
    public void onEvent(OutboxEntry entry) {
        DomainEvent event = entry.event();
        if (event instanceof OpportunityWon won) {
            endForContactsOf(OpportunityId.of(won.aggregateId()), EndReason.OPPORTUNITY_WON);
        } else if (event instanceof OpportunityLost lost) {
            endForContactsOf(OpportunityId.of(lost.aggregateId()), EndReason.OPPORTUNITY_LOST);
        } else if (event instanceof ConsentWithdrawn withdrawn && withdrawn.purpose() == purpose) {
            ContactId contact = ContactId.of(withdrawn.aggregateId());
            runtime.transactions()
                    .inTransaction(() -> enrolments.findRunning(runtime.tenant(), contact).stream()
                            .filter(enrolment -> writesOn(requireSequence(enrolment.sequence()), withdrawn.channel()))
                            .forEach(enrolment -> steps.endNow(enrolment, EndReason.UNSUBSCRIBED)));
        } else if (event instanceof PersonalDataErased erased && erased.subjectType() == RecordType.CONTACT) {
            endFor(ContactId.of(erased.aggregateId()), EndReason.ERASED);
        }
    }

    private void endForContactsOf(OpportunityId id, EndReason reason) {
        crm.sales().opportunity(id).ifPresent(opportunity -> {
            Set<ContactId> contacts = new LinkedHashSet<>();
            Optional.ofNullable(opportunity.primaryContact()).ifPresent(contacts::add);
            opportunity.contactRoles().forEach(role -> contacts.add(role.contact()));
            contacts.forEach(contact -> endFor(contact, reason));
        });
    }

    private static boolean writesOn(Sequence sequence, ConsentChannel channel) {
        return sequence.steps().stream()
                .anyMatch(step -> step instanceof SequenceStep.SendMessage send
                        && send.channel().consentChannel() == channel);
    }

    /** The enrolment as stored, in any status; empty for an unknown id or another tenant's. */
    public Optional<Enrolment> findEnrolment(EnrolmentId id) {
        return enrolments.findById(runtime.tenant(), Require.notNull(id, "id"));
    }

    /**
     * Runs the steps due by {@code asOf}: resumes enrolments whose call task is over, then runs due steps. An
     * enrolment that fails (its sequence is no longer configured, its template is missing) is logged and left
     * for the next run; the others go on.
     */
    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        Set<EnrolmentId> failed = new HashSet<>();
        List<Enrolment> waiting = enrolments.findWaitingForTask(runtime.tenant());
        for (int from = 0; from < waiting.size(); from += BATCH) {
            inBatch(
                    waiting.subList(from, Math.min(from + BATCH, waiting.size())),
                    enrolment -> steps.resumeIfTaskOver(enrolment, asOf),
                    failed);
        }
        int planned = 0;
        while (true) {
            List<Enrolment> due = enrolments.findDue(runtime.tenant(), asOf, BATCH);
            Optional<Integer> scheduled = inBatch(due, enrolment -> steps.run(enrolment, asOf), failed);
            if (scheduled.isEmpty()) {
                return planned;
            }
            planned += scheduled.get();
            if (due.size() < BATCH || due.stream().allMatch(enrolment -> failed.contains(enrolment.id()))) {
                return planned;
            }
        }
    }

    /**
     * Does the work for each enrolment of the batch in one transaction, on the enrolment as stored once the
     * contacts of the whole batch are locked (in one call): a node running the same enrolments at the same moment
     * waits for this one's commit and then finds their steps done. A collision the locks do not prevent (an
     * enrolment ended by hand meanwhile) runs the batch again in a fresh transaction; a batch that keeps colliding
     * is left to the next run (empty). A batch that fails otherwise is run again one enrolment per transaction, so
     * that only the failing enrolments (added to {@code failed}) are left to the next run.
     */
    private Optional<Integer> inBatch(
            List<Enrolment> batch, Function<Enrolment, Integer> work, Set<EnrolmentId> failed) {
        if (batch.isEmpty()) {
            return Optional.of(0);
        }
        try {
            return Optional.of(inOneTransaction(batch, work));
        } catch (StaleVersionException e) {
            LOG.debug("{} enrolments kept changing while being run; the next run looks again", batch.size());
            return Optional.empty();
        } catch (RuntimeException batchFailure) {
            int done = 0;
            for (Enrolment enrolment : batch) {
                try {
                    done += inOneTransaction(List.of(enrolment), work);
                } catch (StaleVersionException e) {
                    LOG.debug("enrolment {} kept changing while being run; the next run looks again", enrolment.id());
                } catch (RuntimeException e) {
                    failed.add(enrolment.id());
                    LOG.error(
                            "enrolment {} of contact {} in sequence {} failed; the next run tries again",
                            enrolment.id(),
                            enrolment.contact(),
                            enrolment.sequence(),
                            e);
                }
            }
            return Optional.of(done);
        }
    }

    private int inOneTransaction(List<Enrolment> batch, Function<Enrolment, Integer> work) {
        return runtime.inTransactionRetryingCollisions(NAME + " of " + batch.size() + " enrolments", () -> {
            runtime.outbox()
                    .lock(batch.stream()
                            .map(enrolment -> RecordRef.contact(enrolment.contact()))
                            .toList());
            return batch.stream()
                    .mapToInt(enrolment -> work.apply(enrolment(enrolment.id())))
                    .sum();
        });
    }

    @Override
    public void onDelivered(Action action) {
        ContactMessages.logOnTimeline(crm, action);
    }

    private Enrolment enrolment(EnrolmentId id) {
        return enrolments
                .findById(runtime.tenant(), id)
                .orElseThrow(() -> new RecordNotFoundException("Enrolment", id));
    }

    private Sequence requireSequence(String key) {
        Require.notBlank(key, "sequence");
        Sequence sequence = sequences.get(key);
        if (sequence == null) {
            throw new RecordNotFoundException("Sequence", key);
        }
        return sequence;
    }

    /** Configures {@link FollowUpSequences}: the enrolment store and the templates are required. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private EnrolmentStore enrolments;
        private final Map<String, Sequence> sequences = new HashMap<>();
        private TemplateRenderer templates;
        private HolidayCalendar holidays = StatutoryHolidays.builtIn();
        private WorkingHours workingHours = WorkingHours.officeHours();
        private CountryCode defaultCountry = CountryCode.of("DE");
        private ZoneId defaultZone = ZoneOffset.UTC;
        private Locale defaultLanguage = Locale.ENGLISH;
        private ConsentPurpose purpose = ConsentPurpose.SERVICE;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /** Where enrolments are kept, e.g. {@code InMemoryEnrolmentStore.create(storage)}. */
        public Builder enrolments(EnrolmentStore enrolments) {
            this.enrolments = Require.notNull(enrolments, "enrolments");
            return this;
        }

        /** Adds a sequence; a second one with the same key is refused. */
        public Builder sequence(Sequence sequence) {
            Require.notNull(sequence, "sequence");
            if (sequences.putIfAbsent(sequence.key(), sequence) != null) {
                throw new DuplicateRecordException("Sequence", sequence.key());
            }
            return this;
        }

        /** The templates the message steps name. */
        public Builder templates(TemplateRenderer templates) {
            this.templates = Require.notNull(templates, "templates");
            return this;
        }

        /** The holiday calendar business days are counted by; {@link StatutoryHolidays#builtIn()} by default. */
        public Builder holidayCalendar(HolidayCalendar holidays) {
            this.holidays = Require.notNull(holidays, "holidayCalendar");
            return this;
        }

        /** The local hours messages may go out in; 09:00 to 17:00 by default. */
        public Builder workingHours(WorkingHours workingHours) {
            this.workingHours = Require.notNull(workingHours, "workingHours");
            return this;
        }

        /** The country of contacts without a postal address; Germany by default. */
        public Builder defaultCountry(CountryCode country) {
            this.defaultCountry = Require.notNull(country, "defaultCountry");
            return this;
        }

        /** The time zone of contacts who have none; UTC by default. */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Require.notNull(zone, "defaultZone");
            return this;
        }

        /** The language of contacts who have no preferred one; English by default. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = Require.notNull(language, "defaultLanguage");
            return this;
        }

        /** The purpose a contact must have consented to; service by default (a sales follow-up may need marketing). */
        public Builder purpose(ConsentPurpose purpose) {
            this.purpose = Require.notNull(purpose, "purpose");
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public FollowUpSequences build() {
            Require.notNull(enrolments, "enrolments");
            Require.notNull(templates, "templates");
            Require.that(!sequences.isEmpty(), "sequences", "at least one sequence is required");
            FollowUpSequences workflow = new FollowUpSequences(this);
            runtime.register(workflow);
            runtime.crm().merges().register(new SequenceMerge(enrolments));
            return workflow;
        }
    }
}
