package org.crmkit.benchmarks.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.LeapDayPolicy;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.Occasion;
import org.crmkit.core.party.PersonName;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.greeting.Greetings;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The day's greeting selection among {@code contacts} contacts (1,000,000 by default; birthdays spread over the
 * year, a third of them with consent, in five time zones) in memory, and the dispatch throughput of the shared
 * workflow runtime. Run: {@code java -jar benchmarks/target/benchmarks.jar GreetingBenchmarks}.
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class GreetingBenchmarks {

    private static final UserId OWNER = UserId.of(UUID.fromString("018f0000-0000-7000-8000-000000000001"));
    /** The moment every run of these benchmarks (and of the PostgreSQL ones) takes place at: 28 February 2027, noon UTC. */
    public static final Instant NOON = Instant.parse("2027-02-28T12:00:00Z");

    private static final String[] ZONES = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo", "UTC"};
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1950, 1, 1);
    private static final int DISPATCHED = 10_000;

    /** A CRM of {@code contacts} contacts. */
    @State(Scope.Benchmark)
    public static class Contacts {
        @Param("1000000")
        int contacts;

        InMemoryStorage storage;
        Crm crm;

        @Setup(Level.Trial)
        public void fill() {
            Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
            storage = InMemoryStorage.create(clock);
            crm = Crm.builder().storage(storage).clock(clock).build();
            Random random = new Random(42);
            int batch = 10_000;
            for (int start = 0; start < contacts; start += batch) {
                List<NewContact> chunk = new ArrayList<>(batch);
                for (int i = start; i < Math.min(contacts, start + batch); i++) {
                    chunk.add(NewContact.of(PersonName.of("Kim", "Person" + i), OWNER)
                            .withDetails(detailsOf(i, random))
                            .withEmail(EmailAddress.of("contact" + i + "@example.com"), ContactPointType.WORK));
                }
                List<Contact> stored = crm.parties().importContacts(chunk);
                for (int k = 0; k < stored.size(); k += 3) {
                    crm.parties()
                            .grantConsent(stored.get(k).id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "import");
                }
            }
        }
    }

    /**
     * The details of contact number {@code i}: English, born on a random day of the 50 years from 1950 (so that
     * birthdays spread over the year and about one in 1,461 falls on 29 February), in one of five time zones.
     */
    public static ContactDetails detailsOf(int i, Random random) {
        return new ContactDetails(
                Locale.ENGLISH, FIRST_BIRTHDAY.plusDays(random.nextInt(50 * 365)), ZoneId.of(ZONES[i % ZONES.length]));
    }

    /** The greetings workflow on a runtime with an empty action store, so that every run is a first run. */
    @State(Scope.Benchmark)
    public static class FirstRun {
        Greetings greetings;

        @Setup(Level.Invocation)
        public void freshRuntime(Contacts contacts) {
            WorkflowRuntime runtime = WorkflowRuntime.builder()
                    .crm(contacts.crm)
                    .store(InMemoryWorkflowStore.create(contacts.storage))
                    .channel(Channel.EMAIL, (key, message) -> {})
                    .build();
            greetings = Greetings.builder(runtime).build();
        }
    }

    /** A runtime holding {@value #DISPATCHED} due messages to a channel that accepts at once. */
    @State(Scope.Benchmark)
    public static class DueMessages {
        WorkflowRuntime runtime;

        @Setup(Level.Invocation)
        public void plan() {
            Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
            InMemoryStorage storage = InMemoryStorage.create(clock);
            Crm crm = Crm.builder().storage(storage).clock(clock).build();
            runtime = WorkflowRuntime.builder()
                    .crm(crm)
                    .store(InMemoryWorkflowStore.create(storage))
                    .channel(Channel.EMAIL, (key, message) -> {})
                    .build();
            RecordRef about = RecordRef.contact(ContactId.of(UUID.randomUUID()));
            runtime.transactions().inTransaction(() -> {
                for (int i = 0; i < DISPATCHED; i++) {
                    runtime.outbox()
                            .schedule(
                                    "benchmark",
                                    new PlannedAction(
                                            "message:" + i,
                                            "subject:" + i,
                                            new Message(
                                                    Channel.EMAIL,
                                                    "c" + i + "@example.com",
                                                    "Kim",
                                                    "Hello",
                                                    "Hello Kim",
                                                    Locale.ENGLISH,
                                                    about),
                                            NOON));
                }
            });
        }
    }

    /**
     * The query side of the day's selection: the contacts whose birthday is celebrated on 28 February 2027 (with
     * those born on 29 February) and who consented to marketing email.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int selectTodaysBirthdays(Contacts state) {
        return selectTodaysBirthdays(state.crm);
    }

    /**
     * Reads every page of the contacts whose birthday is celebrated on 28 February 2027 through
     * {@code contactsWithOccasionOn} and counts those who consented to marketing email.
     */
    public static int selectTodaysBirthdays(Crm crm) {
        int selected = 0;
        for (MonthDay day : LeapDayPolicy.FEBRUARY_28.celebratedOn(LocalDate.of(2027, 2, 28))) {
            PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
            while (true) {
                var page = crm.parties().contactsWithOccasionOn(Occasion.BIRTHDAY, day, request);
                for (Contact contact : page.items()) {
                    if (contact.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)) {
                        selected++;
                    }
                }
                if (!page.hasNext()) {
                    break;
                }
                request = request.next();
            }
        }
        return selected;
    }

    /**
     * A whole first run of the greetings workflow at noon UTC: selection over yesterday, today and tomorrow,
     * consent, local send time, rendering and scheduling every due greeting in the outbox.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int planTodaysGreetings(FirstRun state) {
        return state.greetings.planDue(NOON);
    }

    /** Dispatching {@value #DISPATCHED} due messages; the score is the time per message. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(DISPATCHED)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object dispatchDueMessages(DueMessages state) {
        return state.runtime.dispatchDue(NOON);
    }
}
