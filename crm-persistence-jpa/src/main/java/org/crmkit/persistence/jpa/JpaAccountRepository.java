package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.CustomerScoreRepository;

/** Accounts in {@code crm_account} (see {@link AccountMapping}). */
final class JpaAccountRepository implements AccountRepository {

    private final StoredAggregates<Account, AccountState, AccountRow> accounts;
    private final StoredParties<Account> parties;

    private final AggregateTable<AccountState, AccountRow> table;
    private final CustomerScoreRepository scores;

    /** {@code scores}: the customer scores a segment rule on scores reads. */
    JpaAccountRepository(AggregateTable<AccountState, AccountRow> table, CustomerScoreRepository scores) {
        this.table = table;
        this.scores = scores;
        this.accounts = new StoredAggregates<>(table, Account::state, Account::restore, "account");
        this.parties = new StoredParties<>(accounts, AccountMapping.PARTY, AccountMapping.NAME_ORDER);
    }

    @Override
    public AccountRepository visibleTo(Visibility visibility) {
        return new JpaAccountRepository(table.restrictedTo(new VisibleRows(visibility, "territoryId")), scores);
    }

    @Override
    public Optional<Account> findById(TenantId tenant, AccountId id) {
        return accounts.findById(tenant, id);
    }

    /** One statement per 100 ids (see {@link IdParameters}). */
    @Override
    public List<Account> findByIds(TenantId tenant, Collection<AccountId> ids) {
        return accounts.findByIds(tenant, ids);
    }

    /** One statement per 100 ids, reading the ids alone. */
    @Override
    public Set<AccountId> existingIds(TenantId tenant, Collection<AccountId> ids) {
        return accounts.existingIds(tenant, ids);
    }

    @Override
    public Account save(Account account) {
        return accounts.save(account);
    }

    @Override
    public List<Account> saveAll(List<Account> batch) {
        return accounts.saveAll(batch);
    }

    @Override
    public boolean delete(TenantId tenant, AccountId id, long expectedVersion) {
        return accounts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Account> findByName(TenantId tenant, String name) {
        return accounts.list(tenant, RowQuery.where("r.nameKey = :name").bind("name", Account.normalizeName(name)));
    }

    @Override
    public List<Account> findByEmail(TenantId tenant, EmailAddress email) {
        return parties.withEmail(tenant, email);
    }

    @Override
    public Optional<Account> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return parties.withExternalRef(tenant, ref);
    }

    @Override
    public List<Account> findByPhone(TenantId tenant, PhoneNumber phone) {
        return parties.withPhone(tenant, phone);
    }

    @Override
    public Page<Account> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return parties.ownedBy(tenant, owner, page);
    }

    @Override
    public Page<Account> findByTerritory(TenantId tenant, TerritoryId territory, PageRequest page) {
        return parties.inNameOrder(
                tenant,
                RowQuery.where("r.territoryId = :territory")
                        .bind(
                                "territory",
                                Require.notNull(territory, "territory").value()),
                page);
    }

    @Override
    public Page<Account> findChildren(TenantId tenant, AccountId parent, LocalDate asOf, PageRequest page) {
        Require.notNull(parent, "parent");
        Require.notNull(asOf, "asOf");
        return parties.inNameOrder(tenant, RowQuery.withKeyOn(AccountMapping.PARENT, parent.value(), asOf), page);
    }

    @Override
    public Page<Account> findAll(TenantId tenant, PageRequest page) {
        return accounts.page(tenant, RowQuery.all(), page);
    }

    @Override
    public List<Account> findAllAfter(TenantId tenant, AccountId after, int limit) {
        RowQuery query =
                after == null ? RowQuery.all() : RowQuery.where("r.id > :after").bind("after", after.value());
        return accounts.first(tenant, query.orderBy("r.id"), Require.positive(limit, "limit"));
    }

    @Override
    public List<Account> findMatchingAfter(TenantId tenant, SegmentRule rule, AccountId after, int limit) {
        return parties.matchingAfter(
                tenant,
                rule,
                after,
                limit,
                null,
                RecordType.ACCOUNT,
                account -> scores.find(tenant, RecordRef.account(account.id())).orElse(null));
    }
}
