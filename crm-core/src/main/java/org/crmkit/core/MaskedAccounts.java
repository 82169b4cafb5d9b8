package org.crmkit.core;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.AccountRepository;

/** An account repository whose every account read or saved comes back through a mask: as the acting user may read it (see
 * {@link FieldGuard}). */
final class MaskedAccounts implements AccountRepository {

    private final AccountRepository accounts;
    private final UnaryOperator<Account> mask;

    MaskedAccounts(AccountRepository accounts, UnaryOperator<Account> mask) {
        this.accounts = accounts;
        this.mask = mask;
    }

    private List<Account> masked(List<Account> found) {
        return found.stream().map(mask).toList();
    }

    @Override
    public AccountRepository visibleTo(Visibility visibility) {
        return new MaskedAccounts(accounts.visibleTo(visibility), mask);
    }

    @Override
    public Optional<Account> findById(TenantId tenant, AccountId id) {
        return accounts.findById(tenant, id).map(mask);
    }

    @Override
    public List<Account> findByIds(TenantId tenant, Collection<AccountId> ids) {
        return masked(accounts.findByIds(tenant, ids));
    }

    /** Field masks hide fields, not records: the ids found are those of the accounts underneath. */
    @Override
    public Set<AccountId> existingIds(TenantId tenant, Collection<AccountId> ids) {
        return accounts.existingIds(tenant, ids);
    }

    @Override
    public Account save(Account account) {
        return mask.apply(accounts.save(account));
    }

    @Override
    public List<Account> saveAll(List<Account> batch) {
        return masked(accounts.saveAll(batch));
    }

    @Override
    public boolean delete(TenantId tenant, AccountId id, long expectedVersion) {
        return accounts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Account> findByName(TenantId tenant, String name) {
        return masked(accounts.findByName(tenant, name));
    }

    @Override
    public List<Account> findByEmail(TenantId tenant, EmailAddress email) {
        return masked(accounts.findByEmail(tenant, email));
    }

    @Override
    public Optional<Account> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return accounts.findByExternalRef(tenant, ref).map(mask);
    }

    @Override
    public List<Account> findByPhone(TenantId tenant, PhoneNumber phone) {
        return masked(accounts.findByPhone(tenant, phone));
    }

    @Override
    public Page<Account> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return accounts.findByOwner(tenant, owner, page).map(mask);
    }

    @Override
    public Page<Account> findByTerritory(TenantId tenant, TerritoryId territory, PageRequest page) {
        return accounts.findByTerritory(tenant, territory, page).map(mask);
    }

    @Override
    public Page<Account> findChildren(TenantId tenant, AccountId parent, LocalDate asOf, PageRequest page) {
        return accounts.findChildren(tenant, parent, asOf, page).map(mask);
    }

    @Override
    public Page<Account> findAll(TenantId tenant, PageRequest page) {
        return accounts.findAll(tenant, page).map(mask);
    }

    @Override
    public List<Account> findAllAfter(TenantId tenant, AccountId after, int limit) {
        return masked(accounts.findAllAfter(tenant, after, limit));
    }

    @Override
    public List<Account> findMatchingAfter(TenantId tenant, SegmentRule rule, AccountId after, int limit) {
        return masked(accounts.findMatchingAfter(tenant, rule, after, limit));
    }
}
