package org.crmkit.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.spi.ScopeQuery;
import org.crmkit.core.sync.Subscription;

/**
 * A subscription made concrete for one read: the territories and owners it takes (the user's teams as the sharing
 * model sees them), whether a record is in it, and the records hanging off an account. Caches what it read about
 * accounts for the read; not thread-safe, one per read.
 */
final class Slice {

    /** The record types a device receives. */
    static final Set<String> SYNCED_TYPES = Set.of("Account", "Contact", "Opportunity", "Invoice", "Task", "Activity");

    private final UseCases useCases;
    private final TenantId tenant;
    private final Subscription subscription;
    private final Set<UUID> territories = new HashSet<>();
    private final Set<UUID> owners = new HashSet<>();
    private final Instant activitiesSince;
    private final Map<UUID, Boolean> accountsInSlice = new HashMap<>();

    Slice(UseCases useCases, Subscription subscription) {
        this.useCases = useCases;
        this.tenant = useCases.tenant();
        this.subscription = subscription;
        subscription.territories().forEach(territory -> territories.add(territory.value()));
        if (subscription.ownRecords()) {
            owners.add(subscription.user().value());
        }
        if (subscription.teamRecords()) {
            User user = Reads.found(
                    useCases.storage.users().findById(tenant, subscription.user()), "User", subscription.user());
            useCases.sharing.visibilityOf(user).owners().forEach(owner -> owners.add(owner.value()));
        }
        activitiesSince = useCases.clock
                .instant()
                .minus(Duration.ofDays(subscription.related().activityDays()));
    }

    Subscription subscription() {
        return subscription;
    }

    /** Whether the slice takes accounts by rule, which the storage cannot select changes by. */
    boolean hasAccountRules() {
        return !subscription.accountRules().isEmpty();
    }

    /** The changes the storage selects for the slice (all its owners and territories, directly or by account). */
    ScopeQuery scopeQuery() {
        return new ScopeQuery(owners, territories, SYNCED_TYPES);
    }

    Set<UUID> owners() {
        return owners;
    }

    boolean accountInSlice(Account account) {
        return account.territory()
                        .map(TerritoryId::value)
                        .filter(territories::contains)
                        .isPresent()
                || owners.contains(account.owner().value())
                || subscription.accountRules().stream().anyMatch(rule -> rule.matches(account));
    }

    /** Whether the record belongs to the slice. */
    boolean contains(AggregateRoot<?> record) {
        var related = subscription.related();
        if (record instanceof Account account) {
            return accountInSlice(account);
        }
        if (record instanceof Contact contact) {
            return contact.territory()
                            .map(TerritoryId::value)
                            .filter(territories::contains)
                            .isPresent()
                    || owners.contains(contact.owner().value())
                    || (related.contacts()
                            && contact.affiliations().stream()
                                    .map(Affiliation::account)
                                    .anyMatch(this::accountInSlice));
        }
        if (record instanceof Opportunity opportunity) {
            return opportunity.isOpen()
                    && (owners.contains(opportunity.owner().value())
                            || (related.openOpportunities() && accountInSlice(opportunity.account())));
        }
        if (record instanceof Invoice invoice) {
            return related.openInvoices() && invoice.isOpen() && accountInSlice(invoice.account());
        }
        if (record instanceof Task task) {
            return TaskStatus.ACTIVE.contains(task.status())
                    && (owners.contains(task.assignee().value())
                            || (related.tasks()
                                    && task.link() != null
                                    && task.link().type() == RecordType.ACCOUNT
                                    && accountInSlice(AccountId.of(task.link().id()))));
        }
        if (record instanceof Activity activity) {
            return related.activityDays() > 0
                    && !activity.occurredAt().isBefore(activitiesSince)
                    && activity.accounts().stream().anyMatch(this::accountInSlice);
        }
        return false;
    }

    /** The records hanging off the account that the subscription takes with it (whether they are in it or not). */
    List<AggregateRoot<?>> relatedTo(Account account) {
        var related = subscription.related();
        List<AggregateRoot<?>> found = new ArrayList<>();
        if (related.contacts()) {
            LocalDate today = LocalDate.ofInstant(useCases.clock.instant(), useCases.clock.getZone());
            found.addAll(Reads.everyPage(page -> useCases.contacts().findByAccount(tenant, account.id(), today, page)));
        }
        if (related.openOpportunities()) {
            useCases.opportunities().findByAccount(tenant, account.id()).stream()
                    .filter(Opportunity::isOpen)
                    .forEach(found::add);
        }
        if (related.openInvoices()) {
            found.addAll(useCases.storage.invoices().findOpenByAccount(tenant, account.id()));
        }
        if (related.tasks()) {
            Reads.everyPage(page -> useCases.storage.tasks().findByLink(tenant, RecordRef.account(account.id()), page))
                    .stream()
                    .filter(task -> TaskStatus.ACTIVE.contains(task.status()))
                    .forEach(found::add);
        }
        if (related.activityDays() > 0) {
            found.addAll(Reads.everyPage(page -> useCases.storage
                    .activities()
                    .timeline(
                            tenant,
                            RecordRef.account(account.id()),
                            new TimelineFilter(Set.of(), activitiesSince, null),
                            page)));
        }
        return found;
    }

    /**
     * Reads the accounts the records are in the slice by (their own, a contact's affiliations', a deal's, an
     * invoice's, a task's, an activity's) together, for {@link #contains}, instead of one at a time.
     */
    void readAccountsOf(Collection<AggregateRoot<?>> records) {
        Set<AccountId> wanted = new HashSet<>();
        for (AggregateRoot<?> record : records) {
            if (record instanceof Account account) {
                accountsInSlice.put(account.id().value(), accountInSlice(account));
            } else if (record instanceof Contact contact) {
                contact.affiliations().forEach(affiliation -> wanted.add(affiliation.account()));
            } else if (record instanceof Opportunity opportunity) {
                wanted.add(opportunity.account());
            } else if (record instanceof Invoice invoice) {
                wanted.add(invoice.account());
            } else if (record instanceof Task task
                    && task.link() != null
                    && task.link().type() == RecordType.ACCOUNT) {
                wanted.add(AccountId.of(task.link().id()));
            } else if (record instanceof Activity activity) {
                wanted.addAll(activity.accounts());
            }
        }
        wanted.removeIf(id -> accountsInSlice.containsKey(id.value()));
        if (wanted.isEmpty()) {
            return;
        }
        wanted.forEach(id -> accountsInSlice.put(id.value(), false));
        useCases.accounts()
                .findByIds(tenant, wanted)
                .forEach(account -> accountsInSlice.put(account.id().value(), accountInSlice(account)));
    }

    /** Whether the account of the id is in the slice now; false for one that does not exist (any more). */
    boolean accountInSlice(AccountId id) {
        return accountsInSlice.computeIfAbsent(id.value(), unused -> {
            Optional<Account> account = useCases.accounts().findById(tenant, id);
            return account.isPresent() && accountInSlice(account.get());
        });
    }
}
