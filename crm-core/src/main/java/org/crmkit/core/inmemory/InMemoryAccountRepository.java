package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ParentLink;
import org.crmkit.core.spi.AccountRepository;

/** Accounts in memory, with indexes by normalised name, email, phone, owner, territory and parent. */
final class InMemoryAccountRepository implements AccountRepository {

    private static final Comparator<AccountState> BY_ID = Comparator.comparing(state -> state.id().value());
    private static final Comparator<AccountState> BY_NAME = Comparator
            .comparing((AccountState state) -> state.name().toLowerCase(Locale.ROOT)).thenComparing(BY_ID);

    private final VersionedStore<AccountState> store;
    private final InMemoryIndex<AccountState> byName;
    private final InMemoryIndex<AccountState> byEmail;
    private final InMemoryIndex<AccountState> byPhone;
    private final InMemoryIndex<AccountState> byOwner;
    private final InMemoryIndex<AccountState> byTerritory;
    private final InMemoryIndex<AccountState> byParent;

    InMemoryAccountRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("Account", transactions);
        byName = store.index(InMemoryIndex.single(state -> Account.normalizeName(state.name())));
        byEmail = store.index(new InMemoryIndex<>(state -> state.contactPoints().emails().stream()
                .map(point -> point.value().normalized()).toList()));
        byPhone = store.index(new InMemoryIndex<>(state -> state.contactPoints().phones().stream()
                .map(ContactPoint::value).toList()));
        byOwner = store.index(InMemoryIndex.single(AccountState::owner));
        byTerritory = store.index(InMemoryIndex.single(AccountState::territory));
        byParent = store.index(new InMemoryIndex<>(state -> state.parents().stream().map(ParentLink::parent).distinct().toList()));
    }

    @Override
    public Optional<Account> findById(TenantId tenant, AccountId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id")).map(Account::restore);
    }

    @Override
    public Account save(Account account) {
        return Account.restore(store.save(Require.notNull(account, "account").state()));
    }

    @Override
    public boolean delete(TenantId tenant, AccountId id, long expectedVersion) {
        return store.delete(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"), expectedVersion);
    }

    @Override
    public List<Account> findByName(TenantId tenant, String name) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byName, Account.normalizeName(name), BY_ID);
    }

    @Override
    public List<Account> findByEmail(TenantId tenant, EmailAddress email) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byEmail, Require.notNull(email, "email").normalized(), BY_ID);
    }

    @Override
    public List<Account> findByPhone(TenantId tenant, PhoneNumber phone) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byPhone, Require.notNull(phone, "phone"), BY_ID);
    }

    @Override
    public Page<Account> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byOwner, Require.notNull(owner, "owner"), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Account> findByTerritory(TenantId tenant, TerritoryId territory, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byTerritory, Require.notNull(territory, "territory"), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Account> findChildren(TenantId tenant, AccountId parent, LocalDate asOf, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(parent, "parent");
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        List<Account> children = store.findAll(tenant, byParent.lookup(tenant, parent)).stream()
                .filter(state -> state.parents().stream()
                        .anyMatch(link -> link.parent().equals(parent) && link.period().contains(asOf)))
                .sorted(BY_NAME).map(Account::restore).toList();
        return Page.of(children, page);
    }

    @Override
    public Page<Account> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(store.query(tenant, state -> true, BY_ID).stream().map(Account::restore).toList(), Require.notNull(page, "page"));
    }

    private List<Account> lookup(TenantId tenant, InMemoryIndex<AccountState> index, Object key, Comparator<AccountState> order) {
        return store.findAll(tenant, index.lookup(tenant, key)).stream().sorted(order).map(Account::restore).toList();
    }
}
