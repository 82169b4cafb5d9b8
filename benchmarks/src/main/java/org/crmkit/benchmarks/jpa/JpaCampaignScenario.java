package org.crmkit.benchmarks.jpa;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
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
 * Scenario benchmark of a campaign sent to {@code --members} contacts (1,000,000 by default; storing them takes
 * minutes, {@code --members 20000} makes a short run) on the embedded PostgreSQL 17 through {@link JpaStorage},
 * {@link JpaWorkflowStore} and {@link JpaCampaignSendStore}: every contact is in the campaign's segment with consent
 * to marketing e-mail, the hourly limit lets all of them through, the send window is the whole day. Measures
 * <ul>
 *   <li>sends planned per second: one whole {@link CampaignSends#planDue} run, which reads the segment, checks each
 *       contact and schedules its message in the workflow outbox with its recipient row;</li>
 *   <li>responses recorded per second: {@code --threads} threads (4 by default) each recording responses (an open,
 *       then a click) to the messages of their share of {@code --responses} recipients (50,000 by default) through
 *       {@link CampaignSends#recordResponse}, one recipient row and one timeline entry per response.</li>
 * </ul>
 * Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaCampaignScenario [--members 20000] [--responses 5000] [--threads 4]
 * </pre>
 */
public final class JpaCampaignScenario {

    private static final Instant TEN = Instant.parse("2027-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(TEN, ZoneOffset.UTC);

    private JpaCampaignScenario() {}

    public static void main(String[] args) throws Exception {
        int members = 1_000_000;
        int responses = 50_000;
        int threads = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--members" -> members = Integer.parseInt(args[i + 1]);
                case "--responses" -> responses = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            JpaStorage storage = database.storage(CLOCK);
            long start = System.nanoTime();
            storeMembers(storage, members);
            System.out.printf(
                    Locale.ROOT,
                    "%,d members stored in %.0f s (%s)%n",
                    members,
                    (System.nanoTime() - start) / 1e9,
                    load());
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
            CampaignId campaign = startedCampaign(crm, sends, members);

            start = System.nanoTime();
            int planned = sends.planDue(TEN);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (planned != members) {
                throw new IllegalStateException("expected " + members + " planned messages, got " + planned);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%,d members: %,d sends planned in %.1f s, %.0f sends/s (%s)%n",
                    members,
                    planned,
                    seconds,
                    planned / seconds,
                    load());

            List<String> tokens = tokens(sends, campaign, Math.min(responses, members));
            start = System.nanoTime();
            int recorded = respond(sends, tokens, threads);
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%,d members: %,d responses recorded by %d threads in %.1f s, %.0f responses/s (%s)%n",
                    members,
                    recorded,
                    threads,
                    seconds,
                    recorded / seconds,
                    load());
        }
    }

    private static void storeMembers(JpaStorage storage, int members) {
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
            }
            JpaContactBenchmarks.saveInTransactionsOf1000(storage, chunk);
        }
    }

    private static CampaignId startedCampaign(Crm crm, CampaignSends sends, int members) {
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
        sends.start(campaign, readers, Channel.EMAIL, "news", members, LocalTime.MIN, LocalTime.MAX);
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

    /** Each thread records an open and then a click for every token of its share; returns the responses recorded. */
    private static int respond(CampaignSends sends, List<String> tokens, int threads) throws Exception {
        AtomicInteger recorded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < tokens.size(); i += threads) {
                        sends.recordResponse(tokens.get(i), ResponseKind.OPENED);
                        sends.recordResponse(tokens.get(i), ResponseKind.CLICKED);
                        recorded.addAndGet(2);
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
        return recorded.get();
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "load average %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
