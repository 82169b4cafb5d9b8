package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion.HasTags;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Pipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipelines and segment definitions under a sharing model: owned definitions, read by all unless private. */
class DefinitionAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final SharingModel PRIVATE_DEFINITIONS = SharingModel.openToAll()
            .withDefault(RecordType.PIPELINE, DefaultAccess.PRIVATE)
            .withDefault(RecordType.SEGMENT, DefaultAccess.PRIVATE);
    private static final SharingModel READ_DEFINITIONS = SharingModel.openToAll()
            .withDefault(RecordType.PIPELINE, DefaultAccess.READ)
            .withDefault(RecordType.SEGMENT, DefaultAccess.READ);

    private final ActingUsers users = new ActingUsers(CLOCK);
    private User north;
    private User south;
    private User manager;
    private Team sales;
    private Pipeline northPipeline;
    private Pipeline companyPipeline;
    private Segment northSegment;
    private Account southCustomer;

    @BeforeEach
    void aPipelineAndASegmentOfOneSalespersonAndAPipelineOfTheCompany() {
        Crm crm = users.crm(SharingModel.openToAll());
        north = ActingUsers.user(crm.access(), "north", Role.SALES);
        south = ActingUsers.user(crm.access(), "south", Role.SALES);
        manager = ActingUsers.user(crm.access(), "manager", Role.MANAGER);
        sales = crm.access().createTeam("Sales", manager.id());
        crm.access().addTeamMember(sales.id(), north.id());
        companyPipeline = crm.pipelines().definePipeline("Company", stages());
        southCustomer = crm.parties().registerAccount(NewAccount.of("South GmbH", south.id()));
        users.actAs(north);
        northPipeline = crm.pipelines().definePipeline("North", stages());
        northSegment =
                crm.segments().define("North VIPs", SegmentAudience.CONTACTS, SegmentRule.all(HasTags.of("vip")));
        users.actAs(Actor.SYSTEM);
    }

    private static List<NewStage> stages() {
        return List.of(
                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE), NewStage.won("Won"), NewStage.lost("Lost"));
    }

    @Test
    void aDefinitionIsOwnedByTheUserWhoDefinedItAndByNobodyWhenTheSystemDid() {
        assertThat(northPipeline.owner()).isEqualTo(north.id());
        assertThat(northSegment.owner()).isEqualTo(north.id());
        assertThat(companyPipeline.owner()).isNull();
    }

    @Test
    void aPrivatePipelineIsSeenByItsOwnerAndAboveAndNotFoundByOthers() {
        Crm crm = users.crm(PRIVATE_DEFINITIONS);

        users.actAs(north);
        assertThat(crm.pipelines().pipelines()).extracting(Pipeline::id).containsExactly(northPipeline.id());
        users.actAs(manager);
        assertThat(crm.pipelines().pipelines()).extracting(Pipeline::id).containsExactly(northPipeline.id());
        users.actAs(south);
        assertThat(crm.pipelines().pipelines()).isEmpty();
        assertThat(crm.pipelines().pipeline(northPipeline.id())).isEmpty();
        assertThatThrownBy(() -> crm.pipelines().changeInactivityDays(northPipeline.id(), 30))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.forecasts().pipelineMetrics(northPipeline.id(), Currency.getInstance("EUR")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.sales()
                        .openOpportunity(NewOpportunity.of(
                                "Deal",
                                southCustomer.id(),
                                northPipeline.id(),
                                Currency.getInstance("EUR"),
                                south.id())))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Pipeline");
    }

    @Test
    void aPipelineWithoutAnOwnerIsReachedThroughAShareOrByAnAdministrator() {
        Crm crm = users.crm(PRIVATE_DEFINITIONS);
        User admin = ActingUsers.user(crm.access(), "admin", Role.ADMIN);
        users.actAs(admin);
        assertThat(crm.pipelines().pipelines()).hasSize(2);
        crm.access()
                .shareWithTeam(RecordRef.of(RecordType.PIPELINE, companyPipeline.id()), sales.id(), ShareAccess.READ);

        users.actAs(north);
        assertThat(crm.pipelines().pipelines())
                .extracting(Pipeline::id)
                .containsExactlyInAnyOrder(northPipeline.id(), companyPipeline.id());
        assertThatThrownBy(() -> crm.pipelines().changeInactivityDays(companyPipeline.id(), 30))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("PIPELINE " + companyPipeline.id());
        users.actAs(south);
        assertThat(crm.pipelines().pipelines()).isEmpty();
    }

    @Test
    void aPipelineReadByEveryoneIsChangedOnlyByItsOwnerAndAbove() {
        Crm crm = users.crm(READ_DEFINITIONS);

        users.actAs(south);
        assertThat(crm.pipelines().pipelines()).hasSize(2);
        assertThatThrownBy(() -> crm.pipelines().changeInactivityDays(northPipeline.id(), 30))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("user " + south.id());
        users.actAs(manager);
        assertThat(crm.pipelines().changeInactivityDays(northPipeline.id(), 30).inactivityDays())
                .isEqualTo(30);
    }

    @Test
    void aPrivateSegmentIsListedAndReadOnlyByItsOwnerAndAbove() {
        Crm crm = users.crm(PRIVATE_DEFINITIONS);

        users.actAs(south);
        assertThat(crm.segments().segments(PageRequest.first(20)).totalElements())
                .isZero();
        assertThatThrownBy(() -> crm.segments().segment(northSegment.id())).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.segments().contactsIn(northSegment.id(), PageRequest.first(20)))
                .isInstanceOf(RecordNotFoundException.class);
        users.actAs(manager);
        assertThat(crm.segments().segments(PageRequest.first(20)).items())
                .extracting(Segment::id)
                .containsExactly(northSegment.id());
        assertThat(crm.segments().rename(northSegment.id(), "Top customers").name())
                .isEqualTo("Top customers");
    }

    @Test
    void aSegmentReadByEveryoneIsRenamedOnlyByItsOwnerAndAbove() {
        Crm crm = users.crm(READ_DEFINITIONS);

        users.actAs(south);
        assertThat(crm.segments().segment(northSegment.id()).name()).isEqualTo("North VIPs");
        assertThatThrownBy(() -> crm.segments().rename(northSegment.id(), "Mine"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCustomerRecordsDefaultLeavesDefinitionsOpen() {
        Crm crm = users.crm(SharingModel.every(DefaultAccess.PRIVATE));

        users.actAs(south);
        assertThat(crm.pipelines().pipelines()).hasSize(2);
        assertThat(crm.segments().segment(northSegment.id()).owner()).isEqualTo(north.id());
    }
}
