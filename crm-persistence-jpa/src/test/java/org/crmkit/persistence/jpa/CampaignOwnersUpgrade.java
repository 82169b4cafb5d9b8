package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.Crm;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccessMother;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 33 on a database upgraded from an earlier crmkit: a campaign stored before campaigns had owners gets the
 * user who planned it as its owner, in its column and its document, and one planned by anyone else (the system, a
 * host's own user) gets none; a restricting sharing model then lets the planner see its campaign and no one else.
 */
abstract class CampaignOwnersUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-02-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStorage() {
        storage = database().storage(clock);
    }

    private Campaign planned(Actor planner) {
        LocalDate today = LocalDate.now(clock);
        Campaign campaign = Campaign.plan(
                TENANT,
                CampaignId.next(ids),
                NewCampaign.of(
                        "Winter letter",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(today, today.plusDays(9)),
                        Money.of("300.00", "EUR")),
                planner,
                clock);
        return storage.transactions().inTransaction(() -> storage.campaigns().save(campaign));
    }

    @Test
    void aCampaignStoredBeforeIsOwnedByTheUserWhoPlannedIt() {
        User planner = storage.transactions()
                .inTransaction(() -> storage.users().save(AccessMother.aUser(TENANT, ids, clock, "planner")));
        User other = storage.transactions()
                .inTransaction(() -> storage.users().save(AccessMother.aUser(TENANT, ids, clock, "other")));
        Campaign byPlanner = planned(Actor.user(planner.id(), planner.name()));
        Campaign bySystem = planned(Actor.SYSTEM);
        Campaign byHostUser = planned(CampaignMother.MARKETER);
        database().execute("alter table crm_campaign drop column owner_id");
        for (Campaign campaign : new Campaign[] {byPlanner, bySystem, byHostUser}) {
            database()
                    .rewriteJson(
                            "document",
                            "crm_campaign",
                            "id",
                            campaign.id().value(),
                            document -> document.remove("owner"));
        }

        database().migrateAgain(33);

        assertThat(database().count("select count(*) from crm_campaign where owner_id = '" + planner.id() + "'"))
                .isEqualTo(1);
        assertThat(database().count("select count(*) from crm_campaign where owner_id is null"))
                .isEqualTo(2);
        AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT)
                .actorResolver(actor::get)
                .sharingModel(SharingModel.openToAll().withDefault(RecordType.CAMPAIGN, DefaultAccess.PRIVATE))
                .build();
        assertThat(crm.campaigns().findCampaign(byPlanner.id()).orElseThrow().owner())
                .isEqualTo(planner.id());
        assertThat(crm.campaigns().findCampaign(bySystem.id()).orElseThrow().owner())
                .isNull();
        actor.set(Actor.user(planner.id(), planner.name()));
        assertThat(crm.campaigns().findCampaign(byPlanner.id())).isPresent();
        assertThat(crm.campaigns().findCampaign(byHostUser.id())).isEmpty();
        actor.set(Actor.user(other.id(), other.name()));
        assertThat(crm.campaigns().findCampaign(byPlanner.id())).isEmpty();
    }
}
