package org.crmkit.workflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.Crm;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/** Starting a campaign's send is a change of the campaign: only a user who may change it starts it. */
class CampaignSendAccessTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2027-03-01T08:00:00Z"));
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .actorResolver(actor::get)
            .sharingModel(SharingModel.openToAll().withDefault(RecordType.CAMPAIGN, DefaultAccess.READ))
            .build();
    private final CampaignSends sends = CampaignSends.builder(WorkflowRuntime.builder()
                    .crm(crm)
                    .store(InMemoryWorkflowStore.create(storage))
                    .channel(Channel.EMAIL, RecordingChannel.at(clock))
                    .build())
            .store(InMemoryCampaignSendStore.create(storage))
            .templates(LocalizedTemplates.builder()
                    .template("sale", Locale.ENGLISH, "Sale", "Unsubscribe: {unsubscribeLink}")
                    .build())
            .unsubscribeLink("https://shop.example/unsubscribe?t=")
            .build();

    private User user(String name) {
        return crm.access().registerUser(name, EmailAddress.of(name + "@crm.example"), List.of(Role.SALES));
    }

    private CampaignSend start(CampaignId campaign, SegmentId segment) {
        return sends.start(campaign, segment, Channel.EMAIL, "sale", 100, LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    @Test
    void aCampaignIsSentOnlyByAUserWhoMayChangeIt() {
        User owner = user("owner");
        User colleague = user("colleague");
        SegmentId everyone = crm.segments()
                .define("Everyone", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("news")))
                .id();
        actor.set(Actor.user(owner.id(), owner.name()));
        CampaignId campaign = crm.campaigns()
                .plan(NewCampaign.of(
                        "Spring",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)),
                        Money.of("100.00", "EUR")))
                .id();

        actor.set(Actor.user(colleague.id(), colleague.name()));
        assertThatThrownBy(() -> start(campaign, everyone))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("CAMPAIGN " + campaign);
        assertThatThrownBy(() -> start(CampaignId.of(UUID.randomUUID()), everyone))
                .isInstanceOf(RecordNotFoundException.class);
        actor.set(Actor.user(owner.id(), owner.name()));
        assertThat(start(campaign, everyone).campaign()).isEqualTo(campaign);
    }
}
