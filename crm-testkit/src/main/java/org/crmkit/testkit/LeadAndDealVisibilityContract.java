package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.testkit.fixtures.LeadMother;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the lead and opportunity repositories must do, query by query (they have no
 * territory: owner, team and shares decide), and what the {@code RecordShareRepository} must do. Extend it and
 * supply the storage.
 */
public abstract class LeadAndDealVisibilityContract extends VisibilityFixture {

    // leads: no territory, so owner and shares decide

    @Test
    void everyLeadQuerySeesOnlyTheVisibleLeads() {
        List<Lead> visible = new ArrayList<>();
        visible.add(saveLead(viewer.id()));
        visible.add(saveLead(mate.id()));
        visible.add(saveLead(stranger));
        visible.add(saveLead(stranger));
        share(RecordRef.lead(visible.get(2).id()), viewer.id());
        share(RecordRef.lead(visible.get(3).id()), team.id());
        for (int i = 0; i < HIDDEN; i++) {
            saveLead(stranger);
        }
        LeadRepository leads = storage.leads().visibleTo(visibility);
        List<Object> expected = ids(visible, Lead::id);

        assertThat(leads.findById(TENANT_A, visible.get(3).id())).isPresent();
        assertThat(ids(leads.findByEmail(TENANT_A, EMAIL), Lead::id)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(leads.findByPhone(TENANT_A, PHONE), Lead::id)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(leads.findByCompanyName(TENANT_A, "Initech"), Lead::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        leads.findByStatus(TENANT_A, LeadStatus.NEW, PageRequest.first(20))
                                .items(),
                        Lead::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(leads.findByStatus(TENANT_A, LeadStatus.NEW, PageRequest.first(3))
                        .totalElements())
                .isEqualTo(4);
        assertThat(ids(
                        leads.findByOwnerAndStatus(TENANT_A, stranger, LeadStatus.NEW, PageRequest.first(20))
                                .items(),
                        Lead::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 4));
    }

    private Lead saveLead(UserId owner) {
        Lead lead = LeadMother.aLead(TENANT_A, ids, clock, EMAIL, PHONE);
        lead.assignTo(owner, clock);
        return inTransaction(() -> storage.leads().save(lead));
    }

    // opportunities: no territory either

    @Test
    void everyOpportunityQuerySeesOnlyTheVisibleOpportunities() {
        Pipeline pipeline = inTransaction(() -> storage.pipelines().save(SalesMother.aPipeline(TENANT_A, ids, clock)));
        LocalDate close = LocalDate.of(2026, 4, 15);
        List<Opportunity> visible = new ArrayList<>();
        for (UserId owner : List.of(viewer.id(), mate.id(), stranger, stranger)) {
            visible.add(saveDeal(pipeline, owner, close));
        }
        share(RecordRef.opportunity(visible.get(2).id()), viewer.id());
        share(RecordRef.opportunity(visible.get(3).id()), team.id());
        Opportunity hidden = saveDeal(pipeline, stranger, close);
        for (int i = 1; i < HIDDEN; i++) {
            saveDeal(pipeline, stranger, close);
        }
        OpportunityRepository deals = storage.opportunities().visibleTo(visibility);
        List<Object> expected = ids(visible, Opportunity::id);

        assertThat(deals.findById(TENANT_A, visible.get(1).id())).isPresent();
        assertThat(deals.findByExternalRef(TENANT_A, ExternalRef.of("erp", "mine-" + viewer.id())))
                .isPresent();
        assertThat(deals.findByExternalRef(
                        TENANT_A, ExternalRef.of("erp", "deal-" + visible.get(2).id())))
                .isPresent();
        assertThat(deals.findByExternalRef(TENANT_A, ExternalRef.of("erp", "deal-" + hidden.id())))
                .isEmpty();
        assertThat(ids(deals.findByAccount(TENANT_A, parent), Opportunity::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        deals.findByOwner(TENANT_A, stranger, PageRequest.first(20))
                                .items(),
                        Opportunity::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 4));
        List<Function<PageRequest, Page<Opportunity>>> queries = List.of(
                page -> deals.findOpenInPipeline(TENANT_A, pipeline.id(), page),
                page -> deals.findClosingBetween(TENANT_A, close, close, page),
                page -> deals.findByStage(TENANT_A, visible.get(0).stage(), page));
        for (Function<PageRequest, Page<Opportunity>> query : queries) {
            assertThat(ids(query.apply(PageRequest.first(20)).items(), Opportunity::id))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(query.apply(PageRequest.first(3)).items()).hasSize(3);
            assertThat(query.apply(PageRequest.first(3)).totalElements()).isEqualTo(4);
        }
    }

    private Opportunity saveDeal(Pipeline pipeline, UserId owner, LocalDate close) {
        Opportunity deal = SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline, parent, owner, close);
        deal.addExternalRef(ExternalRef.of("erp", owner.equals(stranger) ? "deal-" + deal.id() : "mine-" + owner));
        return inTransaction(() -> storage.opportunities().save(deal));
    }

    // shares

    @Test
    void aShareIsStoredOncePerGranteeAndCanBeEnded() {
        RecordRef record = RecordRef.contact(ContactId.next(ids));
        share(record, viewer.id());
        inTransaction(() -> storage.shares()
                .save(new RecordShare(TENANT_A, record, viewer.id().value(), ShareAccess.READ_WRITE)));
        share(record, team.id());

        assertThat(storage.shares().findByRecord(TENANT_A, record))
                .extracting(RecordShare::grantee, RecordShare::access)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(viewer.id().value(), ShareAccess.READ_WRITE),
                        org.assertj.core.groups.Tuple.tuple(team.id().value(), ShareAccess.READ));
        assertThat(storage.shares().findByRecord(TENANT_B, record)).isEmpty();
        assertThat(inTransaction(() ->
                        storage.shares().delete(TENANT_A, record, viewer.id().value())))
                .isTrue();
        assertThat(inTransaction(() ->
                        storage.shares().delete(TENANT_A, record, viewer.id().value())))
                .isFalse();
        assertThat(storage.shares().findByRecord(TENANT_A, record)).hasSize(1);
        assertThat(Set.copyOf(visibility.grantees()))
                .contains(team.id().value(), viewer.id().value());
    }
}
