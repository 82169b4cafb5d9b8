package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.LeadRepository;

final class InMemoryLeadRepository implements LeadRepository {

    private static final Comparator<LeadState> BY_CAPTURE =
            Comparator.comparing(LeadState::capturedAt).thenComparing(s -> s.id().value());

    private final InMemoryTransactions transactions;
    private final VersionedStore<LeadState> store;
    private final InMemoryIndex<LeadState> byEmail;
    private final InMemoryIndex<LeadState> byPhone;
    private final InMemoryIndex<LeadState> byCompanyName;
    private final InMemoryIndex<LeadState> byOwner;

    private final InMemoryRecordShareRepository shares;

    InMemoryLeadRepository(InMemoryTransactions transactions, InMemoryRecordShareRepository shares) {
        this.transactions = transactions;
        this.shares = shares;
        this.store = new VersionedStore<>("Lead", transactions);
        this.byEmail = store.index(InMemoryIndex.single(
                s -> s.details().email() == null ? null : s.details().email().normalized()));
        this.byPhone = store.index(InMemoryIndex.single(
                s -> s.details().phone() == null ? null : s.details().phone().e164()));
        this.byCompanyName = store.index(InMemoryIndex.single(s -> s.details().companyName() == null
                ? null
                : Account.normalizeName(s.details().companyName())));
        this.byOwner = store.index(InMemoryIndex.single(LeadState::owner));
    }

    private InMemoryLeadRepository(InMemoryLeadRepository all, VersionedStore<LeadState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byEmail = all.byEmail;
        this.byPhone = all.byPhone;
        this.byCompanyName = all.byCompanyName;
        this.byOwner = all.byOwner;
        this.shares = all.shares;
    }

    @Override
    public LeadRepository visibleTo(Visibility visibility) {
        return new InMemoryLeadRepository(
                this,
                store.restrictedTo(shares.visibleTo(
                        visibility,
                        LeadState::tenant,
                        state -> RecordRef.lead(state.id()),
                        LeadState::owner,
                        state -> null)));
    }

    @Override
    public Optional<Lead> findById(TenantId tenant, LeadId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Lead::restore);
    }

    @Override
    public Lead save(Lead lead) {
        return Lead.restore(store.save(Require.notNull(lead, "lead").state()));
    }

    @Override
    public List<Lead> findByEmail(TenantId tenant, EmailAddress email) {
        return lookup(tenant, byEmail, Require.notNull(email, "email").normalized()).stream()
                .map(Lead::restore)
                .toList();
    }

    @Override
    public List<Lead> findByPhone(TenantId tenant, PhoneNumber phone) {
        return lookup(tenant, byPhone, Require.notNull(phone, "phone").e164()).stream()
                .map(Lead::restore)
                .toList();
    }

    @Override
    public List<Lead> findByCompanyName(TenantId tenant, String companyName) {
        return lookup(tenant, byCompanyName, Account.normalizeName(Require.notBlank(companyName, "companyName")))
                .stream()
                .map(Lead::restore)
                .toList();
    }

    @Override
    public Page<Lead> findByOwnerAndStatus(TenantId tenant, UserId owner, LeadStatus status, PageRequest page) {
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        List<LeadState> leads = lookup(tenant, byOwner, Require.notNull(owner, "owner")).stream()
                .filter(s -> s.status() == status)
                .toList();
        return Page.of(leads, page).map(Lead::restore);
    }

    @Override
    public Page<Lead> findByStatus(TenantId tenant, LeadStatus status, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        return Page.of(store.query(tenant, s -> s.status() == status, BY_CAPTURE), page)
                .map(Lead::restore);
    }

    private List<LeadState> lookup(TenantId tenant, InMemoryIndex<LeadState> index, Object key) {
        Require.notNull(tenant, "tenant");
        return transactions.read(() -> store.findAll(tenant, index.lookup(tenant, key)).stream()
                .sorted(BY_CAPTURE)
                .toList());
    }
}
