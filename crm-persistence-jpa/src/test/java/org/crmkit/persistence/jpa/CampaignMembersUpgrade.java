package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 26 on a database upgraded from an earlier crmkit: the members a campaign kept in its document move into
 * {@code crm_campaign_member} with their status and times, leave the document and their lookup keys, and are found,
 * counted, reported and changed through the member port like members added since.
 */
abstract class CampaignMembersUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-02-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStorage() {
        storage = database().storage(clock);
    }

    @Test
    void membersKeptInACampaignsDocumentMoveIntoTheirOwnRows() {
        Campaign campaign = CampaignMother.aCampaign(TENANT, ids, clock);
        campaign.activate(CampaignMother.MARKETER, clock);
        Campaign stored =
                storage.transactions().inTransaction(() -> storage.campaigns().save(campaign));
        Campaign withoutMembers = storage.transactions()
                .inTransaction(() -> storage.campaigns().save(CampaignMother.aCampaign(TENANT, ids, clock)));
        RecordRef ann = RecordRef.contact(ContactId.next(ids));
        RecordRef lead = RecordRef.lead(LeadId.next(ids));
        Instant added = clock.instant().minus(Duration.ofDays(3));
        Instant responded = clock.instant().minus(Duration.ofDays(1));
        database().execute("drop view crm_report_campaign_member");
        database().execute("drop table crm_campaign_member");
        database().rewriteJson("document", "crm_campaign", "id", stored.id().value(), document -> {
            ArrayNode members = document.putArray("members");
            members.add(oldMember(ann, "RESPONDED", added, responded, responded));
            members.add(oldMember(lead, "TARGETED", added, added, null));
        });
        database()
                .rewriteJson(
                        "document",
                        "crm_campaign",
                        "id",
                        withoutMembers.id().value(),
                        document -> document.putArray("members"));
        database()
                .execute("insert into crm_lookup (tenant_id, id, record_id, key_name, key_value) values ('"
                        + TENANT.value() + "', '" + UUID.randomUUID() + "', '" + stored.id()
                        + "', 'campaign.member', 'CONTACT:"
                        + ann.id() + "')");

        database().migrateAgain(26);

        Crm crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
        assertThat(crm.campaigns().members(stored.id(), null, 10))
                .containsExactlyInAnyOrder(
                        new CampaignMember(
                                stored.id(), ann, CampaignMemberStatus.RESPONDED, added, responded, responded, 1),
                        new CampaignMember(stored.id(), lead, CampaignMemberStatus.TARGETED, added, added, null, 1));
        assertThat(crm.campaigns().members(withoutMembers.id(), null, 10)).isEmpty();
        assertThat(crm.campaigns().campaignsOf(ann, PageRequest.first(5)).items())
                .extracting(Campaign::id)
                .containsExactly(stored.id());
        assertThat(database()
                        .storedJson(
                                "document", "crm_campaign", "id", stored.id().value())
                        .has("members"))
                .isFalse();
        assertThat(database()
                        .storedJson(
                                "document",
                                "crm_campaign",
                                "id",
                                withoutMembers.id().value())
                        .has("members"))
                .isFalse();
        assertThat(database().count("select count(*) from crm_lookup where key_name = 'campaign.member'"))
                .isZero();
        assertThat(database()
                        .count("select count(*) from crm_report_campaign_member where campaign_id = '" + stored.id()
                                + "'"))
                .isEqualTo(2);
        assertThat(crm.campaigns().findCampaign(stored.id()).orElseThrow().state())
                .isEqualTo(stored.state());

        CampaignMember converted = crm.campaigns().recordConversion(stored.id(), ann);

        assertThat(converted.version()).isEqualTo(2);
        assertThat(converted.respondedAt()).isEqualTo(responded);
        assertThat(crm.campaigns().memberCounts(stored.id()).responses()).isEqualTo(1);
        assertThat(storage.transactions()
                        .inTransaction(() -> storage.campaignMembers()
                                .addAll(
                                        TENANT,
                                        stored.newMembers(List.of(lead, RecordRef.lead(LeadId.next(ids))), clock))))
                .extracting(CampaignMember::member)
                .doesNotContain(lead)
                .hasSize(1);
    }

    /** A member as crmkit before schema 26 kept it in the campaign's document. */
    private static ObjectNode oldMember(
            RecordRef member, String status, Instant addedAt, Instant statusChangedAt, Instant respondedAt) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putObject("member")
                .put("type", member.type().name())
                .put("id", member.id().toString());
        json.put("status", status);
        json.put("addedAt", addedAt.toString());
        json.put("statusChangedAt", statusChangedAt.toString());
        if (respondedAt == null) {
            json.putNull("respondedAt");
        } else {
            json.put("respondedAt", respondedAt.toString());
        }
        return json;
    }
}
