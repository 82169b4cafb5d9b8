package org.crmkit.benchmarks.jpa;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.crmkit.core.Crm;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.persistence.jpa.JpaCampaignSendStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.campaign.CampaignRecipient;
import org.crmkit.workflow.campaign.CampaignSends;
import org.crmkit.workflow.campaign.ResponseKind;

/**
 * Scenario benchmark of a campaign of {@code --members} contacts (1,000,000 by default; storing them takes many
 * minutes, {@code --members 20000} makes a short run) on the embedded PostgreSQL 17 through {@link JpaStorage},
 * {@link JpaWorkflowStore} and {@link JpaCampaignSendStore}: every contact is in the campaign's segment with consent
 * to marketing e-mail and the send window is the whole day. Measures
 * <ul>
 *   <li>members added per second: every contact added to the campaign as a member through {@code
 *       crm.campaigns().addMembers}, 1,000 per call (references checked, rows of {@code crm_campaign_member});</li>
 *   <li>sends planned per second: one {@link CampaignSends#planDue} run up to an hourly limit of {@code --sends}
 *       messages (20,000 by default), which reads the segment through {@code Segments.contactsIn}, checks each
 *       contact and schedules its message in the workflow outbox with its recipient row;</li>
 *   <li>member responses recorded per second: {@code --threads} threads (4 by default) each recording the response
 *       of their share of {@code --responses} members (50,000 by default) through {@code
 *       crm.campaigns().recordResponse}, one member row per response however large the campaign, checked against the
 *       campaign's counts afterwards, and the time of those counts;</li>
 *   <li>recipient responses recorded per second: the same threads recording an open, then a click, of the planned
 *       messages' recipients through {@link CampaignSends#recordResponse}, a recipient row and a timeline entry each.</li>
 * </ul>
 * Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaCampaignScenario [--members 20000] [--sends 5000] [--responses 5000] [--threads 4]
 * </pre>
 */
public final class JpaCampaignScenario {

    private static final Instant TEN = Instant.parse("2027-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(TEN, ZoneOffset.UTC);

    private JpaCampaignScenario() {}

    public static void main(String[] args) throws Exception {
        int members = 1_000_000;
        int sendLimit = 20_000;
        int responses = 50_000;
        int threads = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--members" -> members = Integer.parseInt(args[i + 1]);
                case "--sends" -> sendLimit = Integer.parseInt(args[i + 1]);
                case "--responses" -> responses = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            JpaStorage storage = database.storage(CLOCK);
            long start = System.nanoTime();
            List<RecordRef> contacts = storeContacts(storage, members);
            report("%,d contacts stored in %.0f s", members, seconds(start));
            Crm crm = Crm.builder().storage(storage).clock(CLOCK).build();
            WorkflowRuntime runtime = WorkflowRuntime.builder()
                    .crm(crm)
                    .store(JpaWorkflowStore.create(storage))
                    .build();
            CampaignSends sends = CampaignSends.builder(runtime)
                    .store(JpaCampaignSendStore.create(storage))
                    .templates(LocalizedTemplates.builder()
                            .template("news", Locale.ENGLISH, "News for {fullName}", "Read on. {unsubscribeLink}")
                            .build())
                    .unsubscribeLink("https://shop.example/u/")
                    .build();
            CampaignId campaign = startedCampaign(crm, sends, sendLimit);

            start = System.nanoTime();
            for (int from = 0; from < members; from += PageRequest.MAX_SIZE) {
                crm.campaigns()
                        .addMembers(campaign, contacts.subList(from, Math.min(from + PageRequest.MAX_SIZE, members)));
            }
            double seconds = seconds(start);
            report("%,d members added in %.1f s, %.0f members/s", members, seconds, members / seconds);

            start = System.nanoTime();
            int planned = sends.planDue(TEN);
            seconds = seconds(start);
            if (planned != Math.min(sendLimit, members)) {
                throw new IllegalStateException(
                        "expected " + Math.min(sendLimit, members) + " planned, got " + planned);
            }
            report(
                    "%,d members: %,d sends planned in %.1f s, %.0f sends/s",
                    members, planned, seconds, planned / seconds);

            List<RecordRef> responding = everyNth(contacts, Math.min(responses, members));
            start = System.nanoTime();
            inThreads(threads, responding, member -> crm.campaigns().recordResponse(campaign, member));
            seconds = seconds(start);
            report(
                    "%,d members: %,d member responses recorded by %d threads in %.1f s, %.0f responses/s",
                    members, responding.size(), threads, seconds, responding.size() / seconds);
            start = System.nanoTime();
            CampaignMemberCounts counts = crm.campaigns().memberCounts(campaign);
            report(
                    "%,d members: counts by status in %.0f ms: %,d responded, %,d targeted",
                    counts.total(),
                    seconds(start) * 1000,
                    counts.responses(),
                    counts.of(CampaignMemberStatus.TARGETED));
            if (counts.responses() != responding.size() || counts.total() != members) {
                throw new IllegalStateException("counts do not add up: " + counts);
            }

            List<String> tokens = tokens(sends, campaign, Math.min(responses, planned));
            start = System.nanoTime();
            inThreads(threads, tokens, token -> {
                sends.recordResponse(token, ResponseKind.OPENED);
                sends.recordResponse(token, ResponseKind.CLICKED);
            });
            seconds = seconds(start);
            report(
                    "%,d recipients: %,d recipient responses recorded by %d threads in %.1f s, %.0f responses/s",
                    planned, 2 * tokens.size(), threads, seconds, 2 * tokens.size() / seconds);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String format, Object... values) {
        System.out.printf(Locale.ROOT, format + " (%s)%n", append(values, load()));
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    /** {@code count} of the items spread evenly over the list, so that responses fall all over the campaign. */
    private static <T> List<T> everyNth(List<T> items, int count) {
        List<T> picked = new ArrayList<>(count);
        double step = (double) items.size() / count;
        for (int i = 0; i < count; i++) {
            picked.add(items.get((int) (i * step)));
        }
        return picked;
    }

    private static List<RecordRef> storeContacts(JpaStorage storage, int members) {
        List<RecordRef> stored = new ArrayList<>(members);
        IdGenerator ids = new IdGenerator(CLOCK);
        UserId owner = UserId.next(ids);
        for (int from = 0; from < members; from += 10_000) {
            List<Contact> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10_000, members); i++) {
                Contact contact = Contact.register(
                        TenantId.DEFAULT,
                        ContactId.next(ids),
                        NewContact.of(PersonName.of("Member", "Number" + i), owner)
                                .withEmail(EmailAddress.of("m" + i + "@example.com"), ContactPointType.WORK)
                                .withTag("newsletter"),
                        CLOCK);
                contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form", CLOCK);
                chunk.add(contact);
                stored.add(RecordRef.contact(contact.id()));
            }
            JpaContactBenchmarks.saveInTransactionsOf1000(storage, chunk);
        }
        return stored;
    }

    private static CampaignId startedCampaign(Crm crm, CampaignSends sends, int perHour) {
        SegmentId readers = crm.segments()
                .define(
                        "Newsletter",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(SegmentCriterion.HasTags.of("newsletter")))
                .id();
        CampaignId campaign = crm.campaigns()
                .plan(NewCampaign.of(
                        "News",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)),
                        Money.of("5000.00", "EUR")))
                .id();
        crm.campaigns().activate(campaign);
        sends.start(campaign, readers, Channel.EMAIL, "news", perHour, LocalTime.MIN, LocalTime.MAX);
        return campaign;
    }

    private static List<String> tokens(CampaignSends sends, CampaignId campaign, int count) {
        List<String> tokens = new ArrayList<>(count);
        ContactId after = null;
        while (tokens.size() < count) {
            List<CampaignRecipient> page = sends.recipients(campaign, after, 1000);
            page.stream().limit(count - tokens.size()).forEach(recipient -> tokens.add(recipient.unsubscribeToken()));
            after = page.get(page.size() - 1).contact();
        }
        return tokens;
    }

    /** Runs the work for every item, the items dealt out to {@code threads} threads in turn. */
    private static <T> void inThreads(int threads, List<T> items, Consumer<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < items.size(); i += threads) {
                        work.accept(items.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "load average %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
