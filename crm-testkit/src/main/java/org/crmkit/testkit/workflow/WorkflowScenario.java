package org.crmkit.testkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Require;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;

/**
 * A workflow test bed: crmkit on a storage (in memory unless told otherwise), the runtime with a
 * {@link RecordingChannel} for every channel, and time that elapses tick by tick (a day by default), running the
 * runtime ({@code runDue}) after each tick through a {@link TimeFixture}. Build the workflows under test on
 * {@link #runtime()}, then let days pass and look at what went out:
 *
 * <pre>{@code
 * WorkflowScenario scenario = WorkflowScenario.startingAt(Instant.parse("2026-01-05T08:00:00Z")).build();
 * Greetings.builder(scenario.runtime()).build();
 * Contact ada = scenario.crm().parties().registerContact(...);
 * scenario.days(30);
 * assertThat(scenario.channel(Channel.EMAIL).to("Ada")).hasSize(1);
 * }</pre>
 *
 * One per test; not thread-safe (the channels are).
 */
public final class WorkflowScenario {

    private final Instant start;
    private final SettableClock clock;
    private final Storage storage;
    private final Crm crm;
    private final WorkflowRuntime runtime;
    private final Map<Channel, RecordingChannel> channels = new EnumMap<>(Channel.class);
    private final TimeFixture time;

    private WorkflowScenario(Builder builder) {
        this.start = builder.start;
        this.clock = SettableClock.at(start);
        this.storage = builder.storage.apply(clock);
        this.crm =
                builder.crm.apply(Crm.builder().storage(storage).clock(clock)).build();
        WorkflowRuntime.Builder runtimeBuilder =
                WorkflowRuntime.builder().crm(crm).store(builder.store.apply(storage));
        for (Channel channel : Channel.values()) {
            RecordingChannel recording = RecordingChannel.at(clock);
            channels.put(channel, recording);
            runtimeBuilder.channel(channel, recording);
        }
        this.runtime = builder.runtime.apply(runtimeBuilder).build();
        this.time = TimeFixture.at(clock).everyTick(builder.tick, runtime::runDue);
    }

    /** A scenario whose clock starts at {@code start} (UTC): the time of day of every run. */
    public static Builder startingAt(Instant start) {
        return new Builder(Require.notNull(start, "start"));
    }

    public SettableClock clock() {
        return clock;
    }

    /** The crmkit storage the scenario runs on. */
    public Storage storage() {
        return storage;
    }

    public Crm crm() {
        return crm;
    }

    /** The runtime to build the workflows under test on. */
    public WorkflowRuntime runtime() {
        return runtime;
    }

    /** The time fixture, for given/when/expect steps of its own. */
    public TimeFixture time() {
        return time;
    }

    /** The recording channel the runtime sends messages on {@code channel} to. */
    public RecordingChannel channel(Channel channel) {
        return channels.get(Require.notNull(channel, "channel"));
    }

    /** Every message sent on any channel, in the order sent. */
    public List<RecordingChannel.Sent> sent() {
        List<RecordingChannel.Sent> all = new ArrayList<>();
        channels.values().forEach(channel -> all.addAll(channel.sent()));
        all.sort(Comparator.comparing(RecordingChannel.Sent::at));
        return all;
    }

    /** The current day, in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** Whole days since the start. */
    public long day() {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(start, clock.getZone()), today());
    }

    /** Lets {@code days} days pass, running the runtime after every tick. */
    public WorkflowScenario days(int days) {
        time.whenTimeElapses(Duration.ofDays(Require.positive(days, "days")));
        return this;
    }

    /** Lets time pass until {@code day} days after the start. */
    public WorkflowScenario untilDay(int day) {
        time.whenTimeReaches(start.plus(Duration.ofDays(day)));
        return this;
    }

    /** Configures a {@link WorkflowScenario}. */
    public static final class Builder {

        private final Instant start;
        private Function<SettableClock, Storage> storage = InMemoryStorage::create;
        private Function<Storage, WorkflowStore> store =
                memory -> InMemoryWorkflowStore.create((InMemoryStorage) memory);
        private UnaryOperator<Crm.Builder> crm = UnaryOperator.identity();
        private UnaryOperator<WorkflowRuntime.Builder> runtime = UnaryOperator.identity();
        private Duration tick = Duration.ofDays(1);

        private Builder(Instant start) {
            this.start = start;
        }

        /**
         * Runs on another storage than memory (e.g. {@code JpaStorage} on a test database): {@code storage} makes it
         * with the scenario's clock, {@code store} the runtime's store beside it (e.g.
         * {@code JpaWorkflowStore::create}).
         */
        @SuppressWarnings("unchecked")
        public <S extends Storage> Builder storage(
                Function<SettableClock, S> storage, Function<S, WorkflowStore> store) {
            this.storage = Require.notNull(storage, "storage")::apply;
            Require.notNull(store, "store");
            this.store = made -> store.apply((S) made);
            return this;
        }

        /** Further configuration of crmkit (listeners, policies); storage and clock are the scenario's. */
        public Builder crm(UnaryOperator<Crm.Builder> crm) {
            this.crm = Require.notNull(crm, "crm");
            return this;
        }

        /** Further configuration of the runtime (retry policy, lease); crm, store and channels are the scenario's. */
        public Builder runtime(UnaryOperator<WorkflowRuntime.Builder> runtime) {
            this.runtime = Require.notNull(runtime, "runtime");
            return this;
        }

        /** How far time moves between two runs; a day by default. */
        public Builder every(Duration tick) {
            Require.notNull(tick, "tick");
            Require.that(!tick.isNegative() && !tick.isZero(), "tick", "must be positive, was " + tick);
            this.tick = tick;
            return this;
        }

        public WorkflowScenario build() {
            return new WorkflowScenario(this);
        }
    }
}
