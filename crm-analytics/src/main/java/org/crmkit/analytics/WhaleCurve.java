package org.crmkit.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative profit ("whale") curve: customers sorted from most to least profitable, and after each the share
 * of total profit earned so far. It typically rises above 100% (the profitable customers earn more than the total)
 * and falls back to 100% as the unprofitable customers take their share away.
 *
 * @param points one point per customer, in order of falling profit
 */
public record WhaleCurve(List<Point> points) {

    /**
     * A point of the curve.
     *
     * @param customerId            the customer added at this point
     * @param customerShare         share of customers up to and including this one, in (0, 1]
     * @param cumulativeProfitShare cumulative profit up to this customer / total profit
     */
    public record Point(String customerId, double customerShare, double cumulativeProfitShare) {}

    /** Copies the list. */
    public WhaleCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve of the customers of a profitability analysis, as {@link Profitability#customers()} lists them.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INSUFFICIENT_DATA} when there is no customer
     *                            or total profit is not positive (shares of it would be meaningless)
     */
    public static WhaleCurve of(List<Profitability.CustomerProfit> customers) {
        List<Profitability.CustomerProfit> sorted = new ArrayList<>(customers);
        sorted.sort((x, y) -> y.profit().compareTo(x.profit()));
        BigDecimal total =
                sorted.stream().map(Profitability.CustomerProfit::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sorted.isEmpty() || total.signum() <= 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "profit",
                    "total profit is " + total + " over " + sorted.size() + " customers; the whale curve needs a"
                            + " positive total");
        }
        List<Point> points = new ArrayList<>(sorted.size());
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            cumulative = cumulative.add(sorted.get(i).profit());
            points.add(new Point(
                    sorted.get(i).customerId(),
                    (i + 1.0) / sorted.size(),
                    cumulative.divide(total, Money.CONTEXT).doubleValue()));
        }
        return new WhaleCurve(points);
    }

    /** The highest point: the share of profit the profitable customers earn, and how many of them there are. */
    public Point peak() {
        Point best = points.get(0);
        for (Point p : points) {
            if (p.cumulativeProfitShare() > best.cumulativeProfitShare()) {
                best = p;
            }
        }
        return best;
    }

    /** Cumulative profit share after the top {@code fraction} of customers (0 to 1), rounded to 4 decimals. */
    public BigDecimal profitShareOfTop(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw AnalyticsException.invalidArgument("fraction", "must be in (0, 1], was " + fraction);
        }
        int index = Math.max(0, (int) Math.ceil(fraction * points.size()) - 1);
        return BigDecimal.valueOf(points.get(index).cumulativeProfitShare()).setScale(4, RoundingMode.HALF_EVEN);
    }
}
