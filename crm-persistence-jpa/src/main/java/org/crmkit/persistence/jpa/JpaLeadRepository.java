package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.LeadRepository;

/** Leads in {@code crm_lead} (see {@link LeadMapping}). */
final class JpaLeadRepository implements LeadRepository {

    private final StoredAggregates<Lead, LeadState, LeadRow> leads;

    private final AggregateTable<LeadState, LeadRow> table;

    JpaLeadRepository(AggregateTable<LeadState, LeadRow> table) {
        this.table = table;
        this.leads = new StoredAggregates<>(table, Lead::state, Lead::restore, "lead");
    }

    @Override
    public LeadRepository visibleTo(Visibility visibility) {
        return new JpaLeadRepository(table.restrictedTo(new VisibleRows(visibility, null)));
    }

    @Override
    public Optional<Lead> findById(TenantId tenant, LeadId id) {
        return leads.findById(tenant, id);
    }

    @Override
    public Lead save(Lead lead) {
        return leads.save(lead);
    }

    @Override
    public List<Lead> findByEmail(TenantId tenant, EmailAddress email) {
        return leads.list(
                tenant,
                RowQuery.where("r.emailKey = :email")
                        .bind("email", Require.notNull(email, "email").normalized())
                        .orderBy(LeadMapping.CAPTURE_ORDER));
    }

    @Override
    public List<Lead> findByPhone(TenantId tenant, PhoneNumber phone) {
        return leads.list(
                tenant,
                RowQuery.where("r.phoneKey = :phone")
                        .bind("phone", Require.notNull(phone, "phone").e164())
                        .orderBy(LeadMapping.CAPTURE_ORDER));
    }

    @Override
    public List<Lead> findByCompanyName(TenantId tenant, String companyName) {
        return leads.list(
                tenant,
                RowQuery.withKey(
                                LeadMapping.COMPANY_NAME,
                                Account.normalizeName(Require.notBlank(companyName, "companyName")))
                        .orderBy(LeadMapping.CAPTURE_ORDER));
    }

    @Override
    public Page<Lead> findByOwnerAndStatus(TenantId tenant, UserId owner, LeadStatus status, PageRequest page) {
        return leads.page(
                tenant,
                withStatus(status)
                        .and("r.ownerId = :owner")
                        .bind("owner", Require.notNull(owner, "owner").value()),
                page);
    }

    @Override
    public Page<Lead> findByStatus(TenantId tenant, LeadStatus status, PageRequest page) {
        return leads.page(tenant, withStatus(status), page);
    }

    private static RowQuery withStatus(LeadStatus status) {
        return RowQuery.where("r.status = :status")
                .bind("status", Require.notNull(status, "status").name())
                .orderBy(LeadMapping.CAPTURE_ORDER);
    }
}
