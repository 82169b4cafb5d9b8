package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.spi.CustomerScoreRepository;

/** Customer scores in memory, one per tenant and customer; a rollback puts back the score a save replaced. */
final class InMemoryCustomerScoreRepository implements CustomerScoreRepository {

    private record Key(TenantId tenant, RecordRef customer) {}

    /** Accounts before contacts (by the type's name, as the database orders its text), then by id. */
    private static final Comparator<CustomerScore> BY_CUSTOMER = Comparator.<CustomerScore, String>comparing(
                    score -> score.customer().type().name())
            .thenComparing(score -> score.customer().id());

    private final InMemoryTransactions transactions;
    private final Map<Key, CustomerScore> scores = new ConcurrentHashMap<>();

    InMemoryCustomerScoreRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(TenantId tenant, CustomerScore score) {
        Key key = new Key(
                Require.notNull(tenant, "tenant"),
                Require.notNull(score, "score").customer());
        transactions.inTransaction(() -> {
            CustomerScore previous = scores.put(key, score);
            transactions.onRollback(() -> restore(key, previous));
            return null;
        });
    }

    @Override
    public Optional<CustomerScore> find(TenantId tenant, RecordRef customer) {
        Key key = new Key(Require.notNull(tenant, "tenant"), Require.notNull(customer, "customer"));
        return transactions.read(() -> Optional.ofNullable(scores.get(key)));
    }

    @Override
    public Page<CustomerScore> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        return transactions.read(() -> Page.of(
                scores.entrySet().stream()
                        .filter(entry -> entry.getKey().tenant().equals(tenant))
                        .map(Map.Entry::getValue)
                        .sorted(BY_CUSTOMER)
                        .toList(),
                page));
    }

    @Override
    public boolean delete(TenantId tenant, RecordRef customer) {
        Key key = new Key(Require.notNull(tenant, "tenant"), Require.notNull(customer, "customer"));
        return transactions.inTransaction(() -> {
            CustomerScore previous = scores.remove(key);
            transactions.onRollback(() -> restore(key, previous));
            return previous != null;
        });
    }

    private void restore(Key key, CustomerScore previous) {
        if (previous == null) {
            scores.remove(key);
        } else {
            scores.put(key, previous);
        }
    }
}
