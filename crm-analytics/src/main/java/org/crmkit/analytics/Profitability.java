package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customer profitability in one pass over purchase records: revenue minus cost of goods minus cost to serve, the
 * key / small / unprofitable classification and the customer x product margin matrix.
 *
 * <p>Cost to serve is {@code costPerOrder} for each purchase day of the customer plus any extra cost the host adds
 * per customer (from activities, cases, deliveries) with {@link #addCostToServe}. A customer is {@code KEY} when the
 * profit is at least {@code keyThreshold}, {@code UNPROFITABLE} when it is below zero, {@code SMALL} otherwise.
 * Records without cost count as cost 0. Not thread-safe; memory grows with customers x products.
 */
public final class Profitability {

    /** The classification of a customer by profit. */
    public enum Tier {
        /** Profit at least the key threshold. */
        KEY,
        /** Profit between zero and the key threshold. */
        SMALL,
        /** Negative profit. */
        UNPROFITABLE
    }

    /**
     * One customer's profit and loss.
     *
     * @param customerId  the customer
     * @param revenue     sum of amounts
     * @param costOfGoods sum of known costs
     * @param costToServe order costs plus extra costs
     * @param profit      revenue - cost of goods - cost to serve
     * @param tier        the classification
     */
    public record CustomerProfit(
            String customerId,
            BigDecimal revenue,
            BigDecimal costOfGoods,
            BigDecimal costToServe,
            BigDecimal profit,
            Tier tier) {}

    private final BigDecimal costPerOrder;
    private final BigDecimal keyThreshold;
    private final Map<String, State> customers = new LinkedHashMap<>();

    private Profitability(BigDecimal costPerOrder, BigDecimal keyThreshold) {
        if (costPerOrder == null || keyThreshold == null) {
            throw AnalyticsException.invalidArgument(
                    costPerOrder == null ? "costPerOrder" : "keyThreshold", "is required");
        }
        this.costPerOrder = Money.requireWithinLimits("costPerOrder", costPerOrder);
        this.keyThreshold = Money.requireWithinLimits("keyThreshold", keyThreshold);
        if (costPerOrder.signum() < 0) {
            throw AnalyticsException.invalidArgument("costPerOrder", "must not be negative, was " + costPerOrder);
        }
        if (keyThreshold.signum() < 0) {
            throw AnalyticsException.invalidArgument("keyThreshold", "must not be negative, was " + keyThreshold);
        }
    }

    /**
     * A calculator charging {@code costPerOrder} per purchase day and calling customers with at least
     * {@code keyThreshold} profit key customers.
     */
    public static Profitability of(BigDecimal costPerOrder, BigDecimal keyThreshold) {
        return new Profitability(costPerOrder, keyThreshold);
    }

    /** Adds one purchase. Same-day purchases of a customer are one order when they arrive together. */
    public Profitability add(PurchaseRecord purchase) {
        State state = customers.computeIfAbsent(purchase.customerId(), id -> new State());
        long day = purchase.date().toEpochDay();
        if (day != state.lastDay) {
            state.orders++;
            state.lastDay = day;
        }
        BigDecimal cost = purchase.knownCost().orElse(BigDecimal.ZERO);
        state.revenue = state.revenue.add(purchase.amount());
        state.cost = state.cost.add(cost);
        String product = purchase.knownProduct().orElse("");
        state.margins.merge(product, purchase.amount().subtract(cost), BigDecimal::add);
        return this;
    }

    /** Adds a cost to serve a customer beyond orders (a service case, a visit, a delivery). */
    public Profitability addCostToServe(String customerId, BigDecimal cost) {
        if (cost.signum() < 0) {
            throw AnalyticsException.invalidArgument("costToServe", "must not be negative, was " + cost);
        }
        State state = customers.computeIfAbsent(customerId, id -> new State());
        state.extra = state.extra.add(cost);
        return this;
    }

    /** Profit per customer, most profitable first (ties by customer id). */
    public List<CustomerProfit> customers() {
        List<CustomerProfit> result = new ArrayList<>(customers.size());
        customers.forEach((id, s) -> {
            BigDecimal serve =
                    costPerOrder.multiply(BigDecimal.valueOf(s.orders)).add(s.extra);
            BigDecimal profit = s.revenue.subtract(s.cost).subtract(serve);
            Tier tier = profit.signum() < 0
                    ? Tier.UNPROFITABLE
                    : profit.compareTo(keyThreshold) >= 0 ? Tier.KEY : Tier.SMALL;
            result.add(new CustomerProfit(id, s.revenue, s.cost, serve, profit, tier));
        });
        result.sort(Comparator.comparing(CustomerProfit::profit).reversed().thenComparing(CustomerProfit::customerId));
        return result;
    }

    /**
     * Margin (revenue - cost of goods) per customer and product; records without product are under the empty
     * product id. Products are sorted by id.
     */
    public Map<String, Map<String, BigDecimal>> marginMatrix() {
        Map<String, Map<String, BigDecimal>> matrix = new LinkedHashMap<>();
        customers.forEach((id, s) -> {
            if (!s.margins.isEmpty()) {
                matrix.put(id, Collections.unmodifiableMap(new TreeMap<>(s.margins)));
            }
        });
        return Collections.unmodifiableMap(matrix);
    }

    private static final class State {
        private long lastDay = Long.MIN_VALUE;
        private int orders;
        private BigDecimal revenue = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;
        private BigDecimal extra = BigDecimal.ZERO;
        private final Map<String, BigDecimal> margins = new LinkedHashMap<>();
    }
}
