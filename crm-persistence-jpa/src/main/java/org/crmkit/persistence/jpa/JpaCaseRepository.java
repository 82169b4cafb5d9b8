package org.crmkit.persistence.jpa;

import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceCaseState;
import org.crmkit.core.spi.CaseRepository;

/** Service cases in {@code crm_case} (see {@link CaseMapping}). */
final class JpaCaseRepository implements CaseRepository {

    /** {@link ServiceCase#isFirstResponseBreached} or {@link ServiceCase#isResolutionBreached} as of {@code :asOf}. */
    private static final String BREACHED =
            "(r.firstRespondedAt is not null and r.firstRespondedAt > r.firstResponseDueAt)"
                    + " or (r.firstRespondedAt is null and r.firstResponseDueAt < :asOf)"
                    + " or (r.resolvedAt is not null and r.resolvedAt > r.resolutionDueAt)"
                    + " or (r.resolvedAt is null and r.resolutionDueAt < :asOf)";

    private final StoredAggregates<ServiceCase, ServiceCaseState, CaseRow> cases;

    private final AggregateTable<ServiceCaseState, CaseRow> table;

    JpaCaseRepository(AggregateTable<ServiceCaseState, CaseRow> table) {
        this.table = table;
        this.cases = new StoredAggregates<>(table, ServiceCase::state, ServiceCase::restore, "serviceCase");
    }

    @Override
    public CaseRepository visibleTo(Visibility visibility) {
        return new JpaCaseRepository(table.restrictedTo(VisibleChildren.ofCase(visibility)));
    }

    @Override
    public Optional<ServiceCase> findById(TenantId tenant, CaseId id) {
        return cases.findById(tenant, id);
    }

    @Override
    public ServiceCase save(ServiceCase serviceCase) {
        return cases.save(serviceCase);
    }

    @Override
    public Page<ServiceCase> findOpenByAssignee(TenantId tenant, UserId assignee, PageRequest page) {
        return cases.page(
                tenant,
                open().and("r.assigneeId = :assignee")
                        .bind("assignee", Require.notNull(assignee, "assignee").value())
                        .orderBy(CaseMapping.RESOLUTION_DUE_ORDER),
                page);
    }

    @Override
    public Page<ServiceCase> findByContact(TenantId tenant, ContactId contact, PageRequest page) {
        return cases.page(
                tenant,
                RowQuery.where("r.contactId = :contact")
                        .bind("contact", Require.notNull(contact, "contact").value())
                        .orderBy(CaseMapping.NEWEST_FIRST),
                page);
    }

    @Override
    public Page<ServiceCase> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        return cases.page(
                tenant,
                RowQuery.where("r.accountId = :account")
                        .bind("account", Require.notNull(account, "account").value())
                        .orderBy(CaseMapping.NEWEST_FIRST),
                page);
    }

    @Override
    public Page<ServiceCase> findBreachingSla(TenantId tenant, Instant asOf, PageRequest page) {
        return cases.page(
                tenant,
                open().and(BREACHED)
                        .bind("asOf", Require.notNull(asOf, "asOf"))
                        .orderBy(CaseMapping.RESOLUTION_DUE_ORDER),
                page);
    }

    private static RowQuery open() {
        return RowQuery.where("r.status in :open").bind("open", CaseMapping.OPEN);
    }
}
