package org.crmkit.benchmarks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory contact registration throughput and lookups by email and by phone among {@code contacts} stored
 * contacts (1,000,000 by default). Run: {@code java -jar benchmarks/target/benchmarks.jar ContactBenchmarks}.
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ContactBenchmarks {

    private static final UserId OWNER = UserId.of(java.util.UUID.fromString("018f0000-0000-7000-8000-000000000001"));

    static EmailAddress email(long i) {
        return EmailAddress.of("contact" + i + "@example.com");
    }

    static PhoneNumber phone(long i) {
        return new PhoneNumber("+49151" + String.format("%08d", i));
    }

    static NewContact newContact(long i) {
        return NewContact.of(PersonName.of("Kim", "Person" + i), OWNER)
                .withEmail(email(i), ContactPointType.WORK)
                .withPhone(phone(i), ContactPointType.MOBILE);
    }

    /** An empty CRM that grows as contacts are registered. */
    @State(Scope.Benchmark)
    public static class EmptyCrm {
        Crm crm;
        final AtomicLong next = new AtomicLong();

        @Setup(Level.Trial)
        public void build() {
            crm = Crm.builder()
                    .storage(InMemoryStorage.create())
                    .clock(Clock.systemUTC())
                    .build();
        }
    }

    /** A CRM holding {@code contacts} contacts, each with its own email and mobile number. */
    @State(Scope.Benchmark)
    public static class FullCrm {
        @Param("1000000")
        int contacts;

        Crm crm;
        /** Keys of random stored contacts, made before measuring so that parsing is not measured. */
        EmailAddress[] emails = new EmailAddress[4096];

        PhoneNumber[] phones = new PhoneNumber[4096];
        int probe;

        @Setup(Level.Trial)
        public void fill() {
            crm = Crm.builder()
                    .storage(InMemoryStorage.create())
                    .clock(Clock.systemUTC())
                    .build();
            int batch = 10_000;
            for (int start = 0; start < contacts; start += batch) {
                List<NewContact> chunk = new ArrayList<>(batch);
                for (int i = start; i < Math.min(contacts, start + batch); i++) {
                    chunk.add(newContact(i));
                }
                crm.parties().importContacts(chunk);
            }
            for (int k = 0; k < emails.length; k++) {
                int i = ThreadLocalRandom.current().nextInt(contacts);
                emails[k] = email(i);
                phones[k] = phone(i);
            }
        }

        int nextProbe() {
            return probe++ & (emails.length - 1);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Contact registerContact(EmptyCrm state) {
        return state.crm.parties().registerContact(newContact(state.next.getAndIncrement()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Contact> lookupByEmail(FullCrm state) {
        return state.crm.parties().contactsByEmail(state.emails[state.nextProbe()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Contact> lookupByPhone(FullCrm state) {
        return state.crm.parties().contactsByPhone(state.phones[state.nextProbe()]);
    }
}
