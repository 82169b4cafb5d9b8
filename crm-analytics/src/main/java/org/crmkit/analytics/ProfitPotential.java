package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * The possible-profit matrix: each customer placed by current profit ({@link Profitability.Tier}: key, small,
 * unprofitable) against possible future profit (high or low, from a prediction such as lifetime value times the
 * margin), with the action each of the six cells calls for:
 * <pre>
 *                 possible HIGH   possible LOW
 * KEY             INVEST          MAINTAIN
 * SMALL           DEVELOP         SERVE_EFFICIENTLY
 * UNPROFITABLE    RESTRUCTURE     REDUCE
 * </pre>
 * Possible profit is {@code HIGH} when it is at least the threshold given, {@code LOW} otherwise. Every customer of
 * the profit list needs a prediction and every prediction a customer: a customer missing on either side is refused
 * with an {@link AnalyticsException} naming it, rather than placed on a guess. Immutable.
 */
public final class ProfitPotential {

    /** Where a customer's possible future profit stands against the threshold. */
    public enum Potential {
        /** At least the threshold. */
        HIGH,
        /** Below the threshold. */
        LOW
    }

    /** What a cell of the matrix calls for. */
    public enum Action {
        /** Key customers with high potential: retain them and invest in growing them. */
        INVEST,
        /** Key customers with little potential left: keep them, serve them well at a controlled cost. */
        MAINTAIN,
        /** Small customers with high potential: develop them by cross-selling and up-selling. */
        DEVELOP,
        /** Small customers with little potential: serve them through low-cost channels. */
        SERVE_EFFICIENTLY,
        /** Unprofitable customers with high potential: change prices or the cost to serve to unlock the profit. */
        RESTRUCTURE,
        /** Unprofitable customers with little potential: reduce service to the minimum, re-price or let go. */
        REDUCE;

        static Action of(Profitability.Tier tier, Potential potential) {
            boolean high = potential == Potential.HIGH;
            return switch (tier) {
                case KEY -> high ? INVEST : MAINTAIN;
                case SMALL -> high ? DEVELOP : SERVE_EFFICIENTLY;
                case UNPROFITABLE -> high ? RESTRUCTURE : REDUCE;
            };
        }
    }

    /**
     * One customer's place in the matrix.
     *
     * @param customerId     the customer
     * @param tier           the current profit tier
     * @param currentProfit  the current profit
     * @param possibleProfit the predicted future profit
     * @param potential      high or low against the threshold
     * @param action         what the cell calls for
     */
    public record Placement(
            String customerId,
            Profitability.Tier tier,
            BigDecimal currentProfit,
            double possibleProfit,
            Potential potential,
            Action action) {}

    /**
     * One cell of the matrix.
     *
     * @param tier           the current profit tier
     * @param potential      high or low possible profit
     * @param action         what the cell calls for
     * @param customers      how many customers are in it
     * @param currentProfit  their current profit added up
     * @param possibleProfit their possible profit added up
     */
    public record Cell(
            Profitability.Tier tier,
            Potential potential,
            Action action,
            int customers,
            BigDecimal currentProfit,
            double possibleProfit) {}

    private final List<Placement> placements;
    private final List<Cell> cells;

    private ProfitPotential(List<Placement> placements, List<Cell> cells) {
        this.placements = List.copyOf(placements);
        this.cells = List.copyOf(cells);
    }

    /**
     * Places the customers of {@code current} (from {@link Profitability#customers()}) by their possible profit in
     * {@code possibleProfit} (customer id to predicted profit, finite), {@code HIGH} from {@code highThreshold} up.
     */
    public static ProfitPotential of(
            List<Profitability.CustomerProfit> current, Map<String, Double> possibleProfit, double highThreshold) {
        Require.notNull(current, "current");
        Require.notNull(possibleProfit, "possibleProfit");
        if (!Double.isFinite(highThreshold)) {
            throw AnalyticsException.invalidArgument("highThreshold", "must be finite, was " + highThreshold);
        }
        Set<String> placed = new HashSet<>();
        List<Placement> placements = new ArrayList<>(current.size());
        Map<Profitability.Tier, Map<Potential, Totals>> grid = new EnumMap<>(Profitability.Tier.class);
        for (Profitability.CustomerProfit customer : current) {
            Double possible = possibleProfit.get(customer.customerId());
            if (possible == null || !Double.isFinite(possible)) {
                throw AnalyticsException.invalidArgument(
                        "possibleProfit",
                        "customer " + customer.customerId()
                                + (possible == null
                                        ? " has no predicted profit"
                                        : " has a non-finite predicted profit"));
            }
            Potential potential = possible >= highThreshold ? Potential.HIGH : Potential.LOW;
            placed.add(customer.customerId());
            placements.add(new Placement(
                    customer.customerId(),
                    customer.tier(),
                    customer.profit(),
                    possible,
                    potential,
                    Action.of(customer.tier(), potential)));
            grid.computeIfAbsent(customer.tier(), t -> new EnumMap<>(Potential.class))
                    .computeIfAbsent(potential, p -> new Totals())
                    .add(customer.profit(), possible);
        }
        for (String customerId : possibleProfit.keySet()) {
            if (!placed.contains(customerId)) {
                throw AnalyticsException.invalidArgument(
                        "current", "customer " + customerId + " has a predicted profit but no current profit");
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (Profitability.Tier tier : Profitability.Tier.values()) {
            for (Potential potential : Potential.values()) {
                Totals totals = grid.getOrDefault(tier, Map.of()).getOrDefault(potential, new Totals());
                cells.add(new Cell(
                        tier,
                        potential,
                        Action.of(tier, potential),
                        totals.customers,
                        totals.currentProfit,
                        totals.possibleProfit));
            }
        }
        return new ProfitPotential(placements, cells);
    }

    /** Every customer's place, in the order of the profit list. */
    public List<Placement> placements() {
        return placements;
    }

    /** All six cells, key to unprofitable and high before low, empty cells included. */
    public List<Cell> cells() {
        return cells;
    }

    /** The customers whose cell calls for {@code action}, in the order of the profit list. */
    public List<Placement> calledFor(Action action) {
        List<Placement> result = new ArrayList<>();
        for (Placement p : placements) {
            if (p.action() == action) {
                result.add(p);
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static final class Totals {
        private int customers;
        private BigDecimal currentProfit = BigDecimal.ZERO;
        private double possibleProfit;

        void add(BigDecimal current, double possible) {
            customers++;
            currentProfit = currentProfit.add(current);
            possibleProfit += possible;
        }
    }
}
