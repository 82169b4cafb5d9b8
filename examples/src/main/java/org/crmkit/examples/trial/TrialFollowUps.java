package org.crmkit.examples.trial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.billing.InvoiceIssued;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.Recipients;

/**
 * An example of a host's own stateful workflow on crmkit's workflow runtime, built only on its public seam: follow-ups
 * of the trials of the host's product. A few days before a trial ends the customer gets an email (to the account's
 * address, else a consenting contact's); the day after it ended without a purchase the account owner gets a call
 * task and a {@link TrialEnded} event goes out through crmkit's outbox; an invoice issued to the account while the
 * trial runs converts it and cancels what was not sent yet. The trials live in the workflow's own {@link TrialStore},
 * given to its builder. Deduplication keys: {@code trial:<id>:reminder}, {@code trial:<id>:ended}. Thread-safe.
 *
 * <pre>{@code
 * TrialFollowUps trials = TrialFollowUps.builder(runtime).trials(InMemoryTrialStore.create(storage)).build();
 * trials.start(account.id(), LocalDate.of(2026, 3, 31));
 * }</pre>
 */
public final class TrialFollowUps implements Workflow {

    /** The workflow's name on the runtime. */
    public static final String NAME = "trial-follow-ups";

    /** Trials followed up together in one transaction. */
    private static final int CHUNK = 200;

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final Clock clock;
    private final TrialStore trials;
    private final int reminderDaysBefore;
    private final ZoneId zone;
    private final Recipients recipients;
    private final IdGenerator ids;

    private TrialFollowUps(Builder builder) {
        this.runtime = builder.runtime;
        this.crm = runtime.crm();
        this.clock = crm.clock();
        this.trials = builder.trials;
        this.reminderDaysBefore = builder.reminderDaysBefore;
        this.zone = builder.zone;
        this.recipients = Recipients.of(crm);
        this.ids = new IdGenerator(clock);
    }

    /** Starts configuring the workflow on the runtime; {@link Builder#build()} registers it. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Starts a trial of the account that runs until the end of {@code endsOn}; an unknown account is refused. */
    public Trial start(AccountId account, LocalDate endsOn) {
        Require.notNull(account, "account");
        Require.notNull(endsOn, "endsOn");
        return runtime.transactions().inTransaction(() -> {
            crm.parties().account(account);
            return trials.save(Trial.start(runtime.tenant(), ids.next(), account, endsOn));
        });
    }

    /** The trial as stored; empty for an unknown id or another tenant's. */
    public Optional<Trial> trial(UUID id) {
        return trials.find(runtime.tenant(), Require.notNull(id, "id"));
    }

    /**
     * Reminds the running trials that end within the reminder days and ends those that ended before the day of
     * {@code asOf}, a chunk of trials per transaction with their accounts locked first, so that nodes running at the
     * same moment take turns; a collision the locks do not prevent runs the chunk again in a fresh transaction.
     */
    @Override
    public int planDue(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(Require.notNull(asOf, "asOf"), zone);
        List<Trial> due =
                trials.findRunningEndingBy(runtime.tenant(), today.plusDays(reminderDaysBefore), Integer.MAX_VALUE);
        int planned = 0;
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<Trial> chunk = due.subList(from, Math.min(from + CHUNK, due.size()));
            planned += runtime.inTransactionRetryingCollisions(NAME + " of " + chunk.size() + " trials", () -> {
                runtime.outbox()
                        .lock(chunk.stream()
                                .map(trial -> RecordRef.account(trial.account()))
                                .toList());
                int scheduled = 0;
                for (Trial trial : chunk) {
                    scheduled += followUp(stored(trial.id()), today, asOf);
                }
                return scheduled;
            });
        }
        return planned;
    }

    private int followUp(Trial trial, LocalDate today, Instant asOf) {
        if (!trial.status().isRunning()) {
            return 0;
        }
        Account account = crm.parties().account(trial.account());
        if (today.isAfter(trial.endsOn())) {
            trials.save(trial.ended());
            runtime.recordEvents(List.of(new TrialEnded(trial.tenant(), trial.id(), clock.instant(), trial.account())));
            NewTask call = NewTask.of(
                            "Trial ended without a purchase: call " + account.name(),
                            asOf.plus(Duration.ofDays(1)),
                            account.owner())
                    .linkedTo(RecordRef.account(account.id()));
            return schedule(trial, "ended", new CallQueueEntry(call), asOf);
        }
        if (trial.status() != TrialStatus.RUNNING) {
            return 0;
        }
        trials.save(trial.reminded());
        return recipients
                .find(account, List.of(Channel.EMAIL), Locale.ENGLISH)
                .map(to -> schedule(
                        trial,
                        "reminder",
                        new Message(
                                to.channel(),
                                to.address(),
                                to.name(),
                                "Your trial ends on " + trial.endsOn(),
                                "Dear " + to.name() + ",\n\nyour trial ends on " + trial.endsOn()
                                        + ". Reply to keep going.",
                                to.language(),
                                RecordRef.account(account.id())),
                        asOf))
                .orElse(0);
    }

    private int schedule(Trial trial, String step, ActionPayload payload, Instant asOf) {
        return runtime.outbox()
                        .schedule(
                                NAME,
                                new PlannedAction("trial:" + trial.id() + ":" + step, trial.subject(), payload, asOf))
                ? 1
                : 0;
    }

    /** Converts the account's running trials when an invoice is issued to it, cancelling what was not sent yet. */
    @Override
    public void onEvent(OutboxEntry entry) {
        if (entry.event() instanceof InvoiceIssued issued) {
            runtime.inTransactionRetryingCollisions(NAME + " of account " + issued.account(), () -> {
                runtime.outbox().lock(RecordRef.account(issued.account()));
                List<Trial> converted = new ArrayList<>();
                for (Trial trial : trials.findRunning(runtime.tenant(), issued.account())) {
                    runtime.outbox().cancelPending(trial.subject());
                    converted.add(trials.save(trial.converted()));
                }
                return converted;
            });
        }
    }

    private Trial stored(UUID id) {
        return trials.find(runtime.tenant(), id).orElseThrow(() -> new RecordNotFoundException("Trial", id));
    }

    /** Configures {@link TrialFollowUps}: the trial store is required. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private TrialStore trials;
        private int reminderDaysBefore = 3;
        private ZoneId zone;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
            this.zone = runtime.crm().clock().getZone();
        }

        /** Where the trials are kept, beside crmkit's storage: {@link InMemoryTrialStore}, {@link JpaTrialStore}. */
        public Builder trials(TrialStore trials) {
            this.trials = Require.notNull(trials, "trials");
            return this;
        }

        /** How many days before its end a trial is reminded of; 3 by default. */
        public Builder reminderDaysBefore(int days) {
            this.reminderDaysBefore = Require.positive(days, "days");
            return this;
        }

        /** The zone whose calendar days trials end in; the clock's zone by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Require.notNull(zone, "zone");
            return this;
        }

        /** Builds the workflow and registers it with the runtime. */
        public TrialFollowUps build() {
            Require.notNull(trials, "trials");
            TrialFollowUps workflow = new TrialFollowUps(this);
            runtime.register(workflow);
            return workflow;
        }
    }
}
