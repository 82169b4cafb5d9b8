package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ParentLink;
import org.crmkit.core.spi.AccountRepository;

/** Accounts in memory, with indexes by normalised name, email, phone, owner, territory and parent. */
final class InMemoryAccountRepository implements AccountRepository {

    private static final Comparator<AccountState> BY_NAME = Comparator.comparing(
                    (AccountState state) -> state.name().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.id().value());

    private final InMemoryParties<Account, AccountState> accounts;
    private final InMemoryIndex<AccountState> byName;
    private final InMemoryIndex<AccountState> byTerritory;
    private final InMemoryIndex<AccountState> byParent;
    private final InMemoryIndex<AccountState> byTag;

    private final InMemoryRecordShareRepository shares;
    private final InMemoryCustomerScoreRepository scores;

    InMemoryAccountRepository(
            InMemoryTransactions transactions,
            InMemoryRecordShareRepository shares,
            InMemoryCustomerScoreRepository scores) {
        this.shares = shares;
        this.scores = scores;
        accounts = new InMemoryParties<>(
                "Account",
                transactions,
                AccountState::contactPoints,
                AccountState::owner,
                AccountState::externalRefs,
                Account::restore,
                BY_NAME);
        VersionedStore<AccountState> store = accounts.store();
        byName = store.index(InMemoryIndex.single(state -> Account.normalizeName(state.name())));
        byTerritory = store.index(InMemoryIndex.single(AccountState::territory));
        byParent = store.index(new InMemoryIndex<>(state ->
                state.parents().stream().map(ParentLink::parent).distinct().toList()));
        byTag = store.index(new InMemoryIndex<>(state -> state.tags().values()));
    }

    private InMemoryAccountRepository(InMemoryAccountRepository all, InMemoryParties<Account, AccountState> visible) {
        this.shares = all.shares;
        this.scores = all.scores;
        this.accounts = visible;
        this.byName = all.byName;
        this.byTerritory = all.byTerritory;
        this.byParent = all.byParent;
        this.byTag = all.byTag;
    }

    @Override
    public AccountRepository visibleTo(Visibility visibility) {
        return new InMemoryAccountRepository(
                this,
                accounts.restrictedTo(shares.visibleTo(
                        visibility,
                        AccountState::tenant,
                        state -> RecordRef.account(state.id()),
                        AccountState::owner,
                        AccountState::territory)));
    }

    @Override
    public Optional<Account> findById(TenantId tenant, AccountId id) {
        return accounts.findById(tenant, id);
    }

    @Override
    public Account save(Account account) {
        return accounts.save(Require.notNull(account, "account").state());
    }

    @Override
    public boolean delete(TenantId tenant, AccountId id, long expectedVersion) {
        return accounts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Account> findByName(TenantId tenant, String name) {
        Require.notNull(tenant, "tenant");
        return accounts.lookup(tenant, byName, Account.normalizeName(name), accounts.byId());
    }

    @Override
    public List<Account> findByEmail(TenantId tenant, EmailAddress email) {
        return accounts.findByEmail(tenant, email);
    }

    @Override
    public Optional<Account> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return accounts.findByExternalRef(tenant, ref);
    }

    @Override
    public List<Account> findByPhone(TenantId tenant, PhoneNumber phone) {
        return accounts.findByPhone(tenant, phone);
    }

    @Override
    public Page<Account> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return accounts.findByOwner(tenant, owner, page);
    }

    @Override
    public Page<Account> findByTerritory(TenantId tenant, TerritoryId territory, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(
                accounts.lookup(tenant, byTerritory, Require.notNull(territory, "territory"), BY_NAME),
                Require.notNull(page, "page"));
    }

    @Override
    public Page<Account> findChildren(TenantId tenant, AccountId parent, LocalDate asOf, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(parent, "parent");
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return accounts.lookup(
                tenant,
                byParent,
                parent,
                state -> state.parents().stream()
                        .anyMatch(link ->
                                link.parent().equals(parent) && link.period().contains(asOf)),
                page);
    }

    @Override
    public Page<Account> findAll(TenantId tenant, PageRequest page) {
        return accounts.query(tenant, state -> true, accounts.byId(), page);
    }

    @Override
    public List<Account> findAllAfter(TenantId tenant, AccountId after, int limit) {
        return accounts.findAllAfter(tenant, after, limit);
    }

    @Override
    public List<Account> findMatchingAfter(TenantId tenant, SegmentRule rule, AccountId after, int limit) {
        return accounts.findMatchingAfter(
                tenant,
                rule,
                party -> rule.matches(
                        party,
                        rule.readsScores()
                                ? scores.find(tenant, RecordRef.account(party.id()))
                                        .orElse(null)
                                : null),
                after,
                limit,
                byTag,
                byTerritory);
    }
}
