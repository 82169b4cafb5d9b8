package org.crmkit.core.spi;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * Stores accounts. All arguments are required (null is refused with an {@code InvalidValueException}); every query
 * sees only the given tenant's accounts. Implementations are thread-safe.
 *
 * <p>"Name order" means: name ignoring case, then id.
 */
public interface AccountRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} and every
     * lookup included) answers only the accounts that user may see, filtered in the query itself, so that a page holds
     * as many visible records as asked for and counts count visible records only. Visible is a account whose owner is
     * among {@link Visibility#owners()}, whose territory among {@link Visibility#territories()} or that is shared with one of {@link Visibility#grantees()} ({@link
     * RecordShareRepository}); everything when {@link Visibility#seesEverything()}. Saves and deletes are
     * not restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    AccountRepository visibleTo(Visibility visibility);

    Optional<Account> findById(TenantId tenant, AccountId id);

    /**
     * The accounts among the ids, in no particular order: what {@link #findById} answers for each, read together (a
     * database adapter needs one statement per hundred ids). Ids that are not the tenant's accounts are left out.
     */
    default List<Account> findByIds(TenantId tenant, Collection<AccountId> ids) {
        return ids.stream()
                .distinct()
                .map(id -> findById(tenant, id))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The ids among {@code ids} that {@link #findByIds} would find (the tenant's accounts, as this repository or
     * view may read them), without reading the accounts themselves: what a change that refers to accounts checks
     * before storing the references. A database adapter reads the ids alone, one statement per hundred ids. An
     * empty collection has none.
     */
    default Set<AccountId> existingIds(TenantId tenant, Collection<AccountId> ids) {
        return findByIds(tenant, ids).stream().map(Account::id).collect(Collectors.toSet());
    }

    /**
     * Stores the account when its version equals the stored one (0 for a new account) and returns the stored copy
     * with the next version; {@code StaleVersionException} otherwise (see {@link ContactRepository#save}).
     */
    Account save(Account account);

    /** Saves each account as {@link #save} does, in the caller's transaction; returns the stored copies in order. */
    default List<Account> saveAll(List<Account> accounts) {
        return accounts.stream().map(this::save).toList();
    }

    /** Deletes the account if it exists with the given version; false when it does not exist for the tenant. */
    boolean delete(TenantId tenant, AccountId id, long expectedVersion);

    /** Accounts whose name equals the given one in {@link Account#normalizeName normal form}; by id. */
    List<Account> findByName(TenantId tenant, String name);

    /** Accounts that have the email among their emails, compared by {@link EmailAddress#normalized()}; by id. */
    List<Account> findByEmail(TenantId tenant, EmailAddress email);

    /**
     * The account that has the external reference, found through one index. {@link #save} refuses, with a
     * {@code DuplicateRecordException} naming the reference, to give a reference to a second account of the tenant.
     */
    Optional<Account> findByExternalRef(TenantId tenant, ExternalRef ref);

    /** Accounts that have the phone number among their phones; by id. */
    List<Account> findByPhone(TenantId tenant, PhoneNumber phone);

    /** Accounts owned by the user, in name order. */
    Page<Account> findByOwner(TenantId tenant, UserId owner, PageRequest page);

    /** Accounts in the territory, in name order. */
    Page<Account> findByTerritory(TenantId tenant, TerritoryId territory, PageRequest page);

    /** Accounts that are subsidiaries of {@code parent} on {@code asOf}, in name order. */
    Page<Account> findChildren(TenantId tenant, AccountId parent, LocalDate asOf, PageRequest page);

    /** All accounts of the tenant, by id (which is creation order for generated ids). */
    Page<Account> findAll(TenantId tenant, PageRequest page);

    /**
     * At most {@code limit} of the tenant's accounts with an id after {@code after} (null: from the first), by
     * id: reads every account a batch at a time (a duplicate scan, an export) without paging by offset.
     */
    List<Account> findAllAfter(TenantId tenant, AccountId after, int limit);

    /**
     * At most {@code limit} of the tenant's accounts that meet the rule with an id after {@code after} (null: from
     * the first), by id, evaluated by the storage as {@link ContactRepository#findMatchingAfter} says for contacts.
     */
    List<Account> findMatchingAfter(TenantId tenant, SegmentRule rule, AccountId after, int limit);
}
