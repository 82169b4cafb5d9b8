package org.crmkit.core.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
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
    private final InMemoryVisibleParents parents;

    InMemoryCaseRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.store = new VersionedStore<>("ServiceCase", transactions);
        this.byAssignee = store.index(InMemoryIndex.single(ServiceCaseState::assignee));
        this.byAccount = store.index(InMemoryIndex.single(ServiceCaseState::account));
        this.byContact = store.index(InMemoryIndex.single(ServiceCaseState::contact));
        this.parents = parents;
    }

    private InMemoryCaseRepository(InMemoryCaseRepository all, VersionedStore<ServiceCaseState> visible) {
        this.store = visible;
        this.byAssignee = all.byAssignee;
        this.byAccount = all.byAccount;
        this.byContact = all.byContact;
        this.parents = all.parents;
    }

    @Override
    public CaseRepository visibleTo(Visibility visibility) {
        return new InMemoryCaseRepository(
                this, store.restrictedTo(parents.visibleTo(visibility, new InMemoryVisibleParents.Parents<>() {
                    @Override
                    public TenantId tenant(ServiceCaseState state) {
                        return state.tenant();
                    }

                    @Override
                    public Collection<RecordRef> parents(ServiceCaseState state) {
                        List<RecordRef> parents = new ArrayList<>(2);
                        if (state.contact() != null) {
                            parents.add(RecordRef.contact(state.contact()));
                        }
                        if (state.account() != null) {
                            parents.add(RecordRef.account(state.account()));
                        }
                        return parents;
                    }

                    @Override
                    public UserId assignee(ServiceCaseState state) {
                        return state.assignee();
                    }
                })));
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
