package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.RecordShareRepository;

/**
 * Record shares in memory, keyed by tenant, record and grantee; also the filter that the repositories' {@code
 * visibleTo} views apply to their stores.
 */
final class InMemoryRecordShareRepository implements RecordShareRepository {

    private record Key(TenantId tenant, RecordRef record, UUID grantee) {}

    private final InMemoryTransactions transactions;
    private final Map<Key, RecordShare> shares = new ConcurrentHashMap<>();

    InMemoryRecordShareRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public RecordShare save(RecordShare share) {
        Require.notNull(share, "share");
        return transactions.inTransaction(() -> {
            Key key = new Key(share.tenant(), share.record(), share.grantee());
            RecordShare previous = shares.put(key, share);
            transactions.onRollback(() -> restore(key, previous));
            return share;
        });
    }

    @Override
    public boolean delete(TenantId tenant, RecordRef record, UUID grantee) {
        Key key = new Key(
                Require.notNull(tenant, "tenant"),
                Require.notNull(record, "record"),
                Require.notNull(grantee, "grantee"));
        return transactions.inTransaction(() -> {
            RecordShare previous = shares.remove(key);
            transactions.onRollback(() -> restore(key, previous));
            return previous != null;
        });
    }

    @Override
    public List<RecordShare> findByRecord(TenantId tenant, RecordRef record) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        return transactions.read(() -> shares.values().stream()
                .filter(share -> share.tenant().equals(tenant) && share.record().equals(record))
                .sorted(Comparator.comparing(RecordShare::grantee))
                .toList());
    }

    /**
     * What {@code visibility} lets through of a record type's states: an owner among its owners, a territory among
     * its territories (when the type has territories: {@code territory} may answer null), or a share with one of its
     * grantees.
     */
    <S> Predicate<S> visibleTo(
            Visibility visibility,
            Function<S, TenantId> tenant,
            Function<S, RecordRef> record,
            Function<S, UserId> owner,
            Function<S, TerritoryId> territory) {
        Require.notNull(visibility, "visibility");
        if (visibility.seesEverything()) {
            return state -> true;
        }
        Set<UserId> owners = visibility.owners();
        Set<TerritoryId> territories = visibility.territories();
        Set<UUID> grantees = visibility.grantees();
        return state -> {
            UserId ownedBy = owner.apply(state);
            TerritoryId in = territory.apply(state);
            return (ownedBy != null && owners.contains(ownedBy))
                    || (in != null && territories.contains(in))
                    || sharedWith(tenant.apply(state), record.apply(state), grantees);
        };
    }

    private boolean sharedWith(TenantId tenant, RecordRef record, Set<UUID> grantees) {
        for (UUID grantee : grantees) {
            if (shares.containsKey(new Key(tenant, record, grantee))) {
                return true;
            }
        }
        return false;
    }

    private void restore(Key key, RecordShare previous) {
        if (previous == null) {
            shares.remove(key);
        } else {
            shares.put(key, previous);
        }
    }
}
