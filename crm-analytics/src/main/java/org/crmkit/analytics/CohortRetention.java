package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retention and revenue by acquisition cohort, in one pass over purchase records: a customer belongs to the month of
 * the first purchase, and for each month since then the cohort counts the customers who bought in that month and
 * the revenue of that month.
 *
 * <p>Each customer's records must arrive in date order, as for {@link CustomerSummarizer}; memory grows with
 * customers plus cohorts x months. Not thread-safe.
 */
public final class CohortRetention {

    /**
     * One acquisition cohort.
     *
     * @param acquired  the month of the cohort's first purchases
     * @param customers number of customers acquired that month
     * @param months    month 0 (the acquisition month) onwards, without gaps, up to the last month with a purchase
     */
    public record Cohort(YearMonth acquired, int customers, List<CohortMonth> months) {

        /** Copies the list. */
        public Cohort {
            months = List.copyOf(months);
        }
    }

    /**
     * One cell of the cohort table.
     *
     * @param monthsSinceAcquisition 0 for the acquisition month
     * @param activeCustomers        customers of the cohort who bought in that month
     * @param retention              active customers / cohort size
     * @param revenue                the cohort's revenue in that month
     */
    public record CohortMonth(int monthsSinceAcquisition, int activeCustomers, double retention, BigDecimal revenue) {}

    private final Map<String, CustomerState> customers = new HashMap<>();
    private final Map<YearMonth, CohortState> cohorts = new TreeMap<>();

    CohortRetention() {}

    /** Adds one purchase. */
    public CohortRetention add(PurchaseRecord purchase) {
        YearMonth month = YearMonth.from(purchase.date());
        CustomerState customer = customers.get(purchase.customerId());
        if (customer == null) {
            customer = new CustomerState(month, purchase.date());
            customers.put(purchase.customerId(), customer);
            cohorts.computeIfAbsent(month, m -> new CohortState()).customers++;
        }
        if (purchase.date().isBefore(customer.lastDate)) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "date",
                    "customer " + purchase.customerId() + " has a purchase on " + purchase.date() + " after one on "
                            + customer.lastDate + "; feed each customer's purchases in date order");
        }
        customer.lastDate = purchase.date();
        int offset = (int) customer.cohort.until(month, ChronoUnit.MONTHS);
        CohortState cohort = cohorts.get(customer.cohort);
        cohort.grow(offset);
        if (offset != customer.lastOffset) {
            cohort.active[offset]++;
            customer.lastOffset = offset;
        }
        cohort.revenue[offset] = cohort.revenue[offset].add(purchase.amount());
        return this;
    }

    /** The cohorts, oldest first. */
    public List<Cohort> cohorts() {
        List<Cohort> result = new ArrayList<>(cohorts.size());
        cohorts.forEach((month, state) -> {
            List<CohortMonth> cells = new ArrayList<>(state.length);
            for (int i = 0; i < state.length; i++) {
                cells.add(new CohortMonth(
                        i, state.active[i], (double) state.active[i] / state.customers, state.revenue[i]));
            }
            result.add(new Cohort(month, state.customers, cells));
        });
        return result;
    }

    private static final class CustomerState {
        private final YearMonth cohort;
        private LocalDate lastDate;
        private int lastOffset = -1;

        CustomerState(YearMonth cohort, LocalDate firstDate) {
            this.cohort = cohort;
            this.lastDate = firstDate;
        }
    }

    private static final class CohortState {
        private int customers;
        private int length;
        private int[] active = new int[0];
        private BigDecimal[] revenue = new BigDecimal[0];

        void grow(int offset) {
            if (offset < length) {
                return;
            }
            int newLength = offset + 1;
            active = Arrays.copyOf(active, newLength);
            revenue = Arrays.copyOf(revenue, newLength);
            for (int i = length; i < newLength; i++) {
                revenue[i] = BigDecimal.ZERO;
            }
            length = newLength;
        }
    }
}
