package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.spi.CustomerScoreRepository;

/**
 * Customer scores in {@code crm_customer_score} (schema 23), a row per customer replaced by each save. Two
 * transactions saving the first score of one customer at the same moment collide on the key: the later commit fails
 * with a {@code DuplicateRecordException} and may simply run again.
 */
final class JpaCustomerScoreRepository implements CustomerScoreRepository {

    /** How many customers one statement of {@link #findAmong} binds. */
    private static final int AMONG_CHUNK = 500;

    private final JpaTransactions transactions;

    JpaCustomerScoreRepository(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(TenantId tenant, CustomerScore score) {
        Require.notNull(tenant, "tenant");
        Require.notNull(score, "score");
        transactions.withEntityManager(entityManager -> {
            RowKey key = new RowKey(tenant.value(), score.customer().id());
            CustomerScoreRow row = entityManager.find(CustomerScoreRow.class, key);
            boolean created = row == null;
            if (created) {
                row = new CustomerScoreRow();
                row.tenantId = tenant.value();
                row.id = score.customer().id();
            }
            fill(row, score);
            try {
                if (created) {
                    entityManager.persist(row);
                }
                entityManager.flush();
            } catch (RuntimeException e) {
                throw Failures.translate(e);
            }
            return null;
        });
    }

    @Override
    public Optional<CustomerScore> find(TenantId tenant, RecordRef customer) {
        Require.notNull(tenant, "tenant");
        Require.notNull(customer, "customer");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(CustomerScoreRow.class, new RowKey(tenant.value(), customer.id())))
                .filter(row -> row.customerType.equals(customer.type().name()))
                .map(JpaCustomerScoreRepository::score));
    }

    @Override
    public List<CustomerScore> findAmong(TenantId tenant, Collection<RecordRef> customers) {
        Require.notNull(tenant, "tenant");
        List<RecordRef> wanted = List.copyOf(new LinkedHashSet<>(Require.noNulls(customers, "customers")));
        if (wanted.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> {
            List<CustomerScore> found = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += AMONG_CHUNK) {
                List<RecordRef> chunk = wanted.subList(from, Math.min(from + AMONG_CHUNK, wanted.size()));
                JpaTransactions.withoutAutoFlush(entityManager
                                .createQuery(
                                        "select s from CustomerScoreRow s where s.tenantId = :tenant and s.id in :ids",
                                        CustomerScoreRow.class)
                                .setParameter("tenant", tenant.value())
                                .setParameter(
                                        "ids", chunk.stream().map(RecordRef::id).toList()))
                        .getResultList()
                        .stream()
                        .map(JpaCustomerScoreRepository::score)
                        .filter(score -> chunk.contains(score.customer()))
                        .forEach(found::add);
            }
            return found;
        });
    }

    @Override
    public Page<CustomerScore> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        return transactions.read(entityManager -> {
            List<CustomerScore> items = entityManager
                    .createQuery(
                            "select s from CustomerScoreRow s where s.tenantId = :tenant"
                                    + " order by s.customerType, s.id",
                            CustomerScoreRow.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult((int) page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(JpaCustomerScoreRepository::score)
                    .toList();
            long total = entityManager
                    .createQuery("select count(s) from CustomerScoreRow s where s.tenantId = :tenant", Long.class)
                    .setParameter("tenant", tenant.value())
                    .getSingleResult();
            return new Page<>(items, page, total);
        });
    }

    @Override
    public boolean delete(TenantId tenant, RecordRef customer) {
        Require.notNull(tenant, "tenant");
        Require.notNull(customer, "customer");
        return transactions.withEntityManager(entityManager -> entityManager
                        .createQuery("delete from CustomerScoreRow s where s.tenantId = :tenant and s.id = :id"
                                + " and s.customerType = :type")
                        .setParameter("tenant", tenant.value())
                        .setParameter("id", customer.id())
                        .setParameter("type", customer.type().name())
                        .executeUpdate()
                > 0);
    }

    private static void fill(CustomerScoreRow row, CustomerScore score) {
        row.customerType = score.customer().type().name();
        row.asOf = score.asOf();
        row.tier = score.tier().name();
        row.currency = score.currency().getCurrencyCode();
        row.profit = score.profit().amount();
        row.rfmSegment = score.rfmSegment();
        CustomerScore.Prediction prediction = score.prediction();
        row.lifetimeValue =
                prediction == null ? null : prediction.lifetimeValue().amount();
        row.probabilityAlive = prediction == null ? null : prediction.probabilityAlive();
        row.valueAtRisk = prediction == null ? null : prediction.valueAtRisk().amount();
    }

    private static CustomerScore score(CustomerScoreRow row) {
        Currency currency = Currency.getInstance(row.currency);
        return new CustomerScore(
                new RecordRef(RecordType.valueOf(row.customerType), row.id),
                row.asOf,
                CustomerTier.valueOf(row.tier),
                Money.of(row.profit, currency),
                row.rfmSegment,
                row.lifetimeValue == null
                        ? null
                        : new CustomerScore.Prediction(
                                Money.of(row.lifetimeValue, currency),
                                row.probabilityAlive,
                                Money.of(row.valueAtRisk, currency)));
    }
}
