package org.crmkit.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceCaseState;
import org.crmkit.core.spi.CaseRepository;

final class InMemoryCaseRepository implements CaseRepository {

    private static final Comparator<ServiceCaseState> BY_RESOLUTION_DUE = Comparator.comparing(
                    ServiceCaseState::resolutionDueAt)
            .thenComparing(state -> state.id().value());
    private static final Comparator<ServiceCaseState> NEWEST_FIRST = Comparator.comparing(ServiceCaseState::openedAt)
            .thenComparing(state -> state.id().value())
            .reversed();

    private final VersionedStore<ServiceCaseState> store;
    private final InMemoryIndex<ServiceCaseState> byAssignee;
    private final InMemoryIndex<ServiceCaseState> byAccount;
    private final InMemoryIndex<ServiceCaseState> byContact;

    InMemoryCaseRepository(InMemoryTransactions transactions) {
        this.store = new VersionedStore<>("ServiceCase", transactions);
        this.byAssignee = store.index(InMemoryIndex.single(ServiceCaseState::assignee));
        this.byAccount = store.index(InMemoryIndex.single(ServiceCaseState::account));
        this.byContact = store.index(InMemoryIndex.single(ServiceCaseState::contact));
    }

    @Override
    public Optional<ServiceCase> findById(TenantId tenant, CaseId id) {
        return store.find(tenant, id).map(ServiceCase::restore);
    }

    @Override
    public ServiceCase save(ServiceCase serviceCase) {
        return ServiceCase.restore(store.save(serviceCase.state()));
    }

    @Override
    public Page<ServiceCase> findOpenByAssignee(TenantId tenant, UserId assignee, PageRequest page) {
        var matches = store.findAll(tenant, byAssignee.lookup(tenant, assignee)).stream()
                .filter(state ->
                        assignee.equals(state.assignee()) && state.status().isOpen())
                .sorted(BY_RESOLUTION_DUE)
                .toList();
        return Page.of(matches, page).map(ServiceCase::restore);
    }

    @Override
    public Page<ServiceCase> findByContact(TenantId tenant, ContactId contact, PageRequest page) {
        var matches = store.findAll(tenant, byContact.lookup(tenant, contact)).stream()
                .sorted(NEWEST_FIRST)
                .toList();
        return Page.of(matches, page).map(ServiceCase::restore);
    }

    @Override
    public Page<ServiceCase> findByAccount(TenantId tenant, AccountId account, PageRequest page) {
        var matches = store.findAll(tenant, byAccount.lookup(tenant, account)).stream()
                .sorted(NEWEST_FIRST)
                .toList();
        return Page.of(matches, page).map(ServiceCase::restore);
    }

    @Override
    public Page<ServiceCase> findBreachingSla(TenantId tenant, Instant asOf, PageRequest page) {
        return Page.of(
                        store.query(
                                tenant, state -> state.status().isOpen() && breaches(state, asOf), BY_RESOLUTION_DUE),
                        page)
                .map(ServiceCase::restore);
    }

    private static boolean breaches(ServiceCaseState state, Instant asOf) {
        ServiceCase serviceCase = ServiceCase.restore(state);
        return serviceCase.isFirstResponseBreached(asOf) || serviceCase.isResolutionBreached(asOf);
    }
}
