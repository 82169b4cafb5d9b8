package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.campaign.CampaignRecipient;
import org.crmkit.workflow.campaign.CampaignResponse;
import org.crmkit.workflow.campaign.CampaignSends;
import org.crmkit.workflow.campaign.ResponseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign sends on PostgreSQL with two nodes: two runtimes over one database plan the same campaign at the same
 * moment (each message once, the hourly limit kept), and responses to one message come from several threads at once
 * (each kept, one row written per response).
 */
class CampaignSendsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final Instant TEN_IN_LONDON = Instant.parse("2027-03-01T10:00:00Z");

    private final SettableClock clock = SettableClock.at(TEN_IN_LONDON);
    private final JpaStorage storage = database.storage(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final UserId owner = UserId.next(new IdGenerator(clock));

    private CampaignSends node() {
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, gateway)
                .build();
        return CampaignSends.builder(runtime)
                .store(JpaCampaignSendStore.create(storage))
                .templates(LocalizedTemplates.builder()
                        .template("news", Locale.ENGLISH, "News for {fullName}", "Read on. {unsubscribeLink}")
                        .build())
                .unsubscribeLink("https://shop.example/u/")
                .build();
    }

    @Test
    void twoNodesSendEachMessageOnceWithinTheLimitAndConcurrentResponsesAreAllKept() throws Exception {
        CampaignSends first = node();
        CampaignSends second = node();
        SegmentId readers = crm.segments()
                .define("Readers", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("reader")))
                .id();
        for (int i = 0; i < 120; i++) {
            var contact = crm.parties()
                    .registerContact(NewContact.of(PersonName.of("Reader" + i, "Doe"), owner)
                            .withDetails(new ContactDetails(Locale.ENGLISH, null, ZoneId.of("Europe/London")))
                            .withEmail(EmailAddress.of("reader" + i + "@example.com"), ContactPointType.WORK));
            crm.parties().tag(contact.id(), "reader");
            crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");
        }
        CampaignId campaign = crm.campaigns()
                .plan(NewCampaign.of(
                        "News",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)),
                        Money.of("100.00", "EUR")))
                .id();
        crm.campaigns().activate(campaign);
        first.start(campaign, readers, Channel.EMAIL, "news", 100, LocalTime.of(8, 0), LocalTime.of(20, 0));

        List<Integer> planned =
                inParallel(List.of(() -> first.planDue(TEN_IN_LONDON), () -> second.planDue(TEN_IN_LONDON)));

        assertThat(planned.get(0) + planned.get(1)).isEqualTo(100);
        List<CampaignRecipient> recipients = first.recipients(campaign, null, 1000);
        assertThat(recipients).hasSize(100);
        String token = recipients.get(0).unsubscribeToken();
        List<Callable<Integer>> responses = new ArrayList<>();
        for (ResponseKind kind : ResponseKind.values()) {
            CampaignSends node = kind.ordinal() % 2 == 0 ? first : second;
            responses.add(() -> node.recordResponse(token, kind).responses().size());
        }
        inParallel(responses);
        assertThat(first.recipients(campaign, null, 1).get(0).responses())
                .extracting(CampaignResponse::kind)
                .containsExactlyInAnyOrder(ResponseKind.values());
        WorkflowRuntime dispatcher = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, gateway)
                .build();
        dispatcher.dispatchDue(TEN_IN_LONDON);
        assertThat(gateway.sent()).hasSize(100).extracting(Sent::key).doesNotHaveDuplicates();
    }

    private static <T> List<T> inParallel(List<Callable<T>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (var result : threads.invokeAll(work)) {
                results.add(result.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
