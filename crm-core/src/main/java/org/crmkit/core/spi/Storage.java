package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Everything crmkit stores, as one port: a repository per aggregate plus the transaction and outbox ports that
 * make a change and its events atomic. {@code InMemoryStorage} and {@code JpaStorage} implement it.
 */
public interface Storage {

    Transactions transactions();

    Outbox outbox();

    /** The change feed: every save and delete of every record, with per-tenant positions, and named consumers. */
    ChangeLog changeLog();

    ContactRepository contacts();

    AccountRepository accounts();

    UserRepository users();

    TeamRepository teams();

    TerritoryRepository territories();

    /**
     * The user with the teams it is a member or the lead of ({@link TeamRepository#findByMember}) and the
     * territories it is a member of ({@link TerritoryRepository#findByMember}), in no particular order; empty when
     * the user does not exist for the tenant. crmkit reads it on every call of a user the sharing model restricts,
     * so a database adapter should read it in one statement; this default makes the three reads.
     */
    default Optional<UserAccess> userAccess(TenantId tenant, UserId user) {
        return users().findById(tenant, user)
                .map(found -> new UserAccess(
                        found, teams().findByMember(tenant, user), territories().findByMember(tenant, user)));
    }

    SegmentRepository segments();

    ActivityRepository activities();

    TaskRepository tasks();

    CaseRepository cases();

    CampaignRepository campaigns();

    /** The members of campaigns, stored apart from the campaigns. */
    CampaignMemberRepository campaignMembers();

    InvoiceRepository invoices();

    PaymentRepository payments();

    CreditNoteRepository creditNotes();

    PipelineRepository pipelines();

    OpportunityRepository opportunities();

    QuotaRepository quotas();

    LeadRepository leads();

    TeamRotationRepository teamRotations();

    ForecastSnapshotRepository forecastSnapshots();

    /** The explicit shares of records, which the repositories' {@code visibleTo} views read. */
    RecordShareRepository shares();

    /** The audit trail: who changed which field of which record, and when. */
    AuditTrail auditTrail();

    /** The merges of contacts and accounts, with their before-images; what redirects merged ids. */
    MergeRepository merges();

    /** The analytics' scores of customers, written back by a score refresh. */
    CustomerScoreRepository customerScores();
}
