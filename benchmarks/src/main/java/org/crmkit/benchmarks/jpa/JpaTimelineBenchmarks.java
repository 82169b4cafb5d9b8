package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.persistence.jpa.JpaStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first page (50 activities, newest first, with the total) of a contact's timeline of {@code activities}
 * activities (1,000 by default) through the JPA adapter on an embedded PostgreSQL 17, among {@code others} other
 * contacts with 100 activities each (1,000 by default: 100,000 more activities). Every activity also concerns the
 * contact's account, so each has two lookup keys. Sampled for percentiles. Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JpaTimelineBenchmarks
 * </pre>
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class JpaTimelineBenchmarks {

    private static final TenantId TENANT = TenantId.of("benchmark");

    /** The busy contact's timeline and the others', stored before measuring. */
    @State(Scope.Benchmark)
    public static class StoredTimelines {
        @Param("1000")
        int activities;

        @Param("1000")
        int others;

        BenchmarkDatabase database;
        JpaStorage storage;
        RecordRef busyContact;

        @Setup(Level.Trial)
        public void fill() {
            database = new BenchmarkDatabase();
            storage = database.storage();
            Clock clock = Clock.systemUTC();
            IdGenerator ids = new IdGenerator(clock);
            long started = System.nanoTime();
            ContactId busy = ContactId.next(ids);
            busyContact = RecordRef.contact(busy);
            log(busy, activities, ids, clock);
            for (int other = 0; other < others; other++) {
                log(ContactId.next(ids), 100, ids, clock);
            }
            System.out.printf(
                    "%n%,d activities stored through the adapter in %.1f s%n",
                    activities + others * 100, (System.nanoTime() - started) / 1e9);
            database.execute("analyze");
        }

        /** One transaction per contact: calls a minute apart, the newest now. */
        private void log(ContactId contact, int count, IdGenerator ids, Clock clock) {
            AccountId account = AccountId.next(ids);
            Instant newest = clock.instant();
            storage.transactions().inTransaction(() -> {
                for (int i = 0; i < count; i++) {
                    storage.activities()
                            .save(Activity.log(
                                    TENANT,
                                    ActivityId.next(ids),
                                    NewActivity.of(
                                                    ActivityKind.CALL,
                                                    Direction.OUTBOUND,
                                                    "Call " + i,
                                                    newest.minus(Duration.ofMinutes(i)))
                                            .aboutContact(contact)
                                            .aboutAccount(account),
                                    Actor.SYSTEM,
                                    clock));
                }
                return count;
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            database.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public Page<Activity> timelineFirstPage(StoredTimelines stored) {
        return stored.storage
                .activities()
                .timeline(TENANT, stored.busyContact, TimelineFilter.ALL, PageRequest.first(50));
    }
}
