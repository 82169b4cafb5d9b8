package org.crmkit.analytics;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Customers with identical (x, t_x, T) folded into one row with a weight, so the likelihood costs per pattern. */
final class WeightedHistories {

    final int[] frequency;
    final double[] recency;
    final double[] age;
    final double[] weight;
    final int maxFrequency;
    final double totalWeight;
    /** The distinct ages, and for each row the index of its age there: a likelihood takes their logs once. */
    final double[] distinctAges;
    final int[] ageIndex;
    /** The distinct recencies, and for each row the index of its recency there. */
    final double[] distinctRecencies;
    final int[] recencyIndex;

    private WeightedHistories(int[] frequency, double[] recency, double[] age, double[] weight) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        int max = 0;
        double total = 0;
        for (int i = 0; i < frequency.length; i++) {
            max = Math.max(max, frequency[i]);
            total += weight[i];
        }
        this.maxFrequency = max;
        this.totalWeight = total;
        this.distinctAges = distinct(age);
        this.ageIndex = indexes(age, distinctAges);
        this.distinctRecencies = distinct(recency);
        this.recencyIndex = indexes(recency, distinctRecencies);
    }

    private static double[] distinct(double[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    private static int[] indexes(double[] values, double[] distinct) {
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Arrays.binarySearch(distinct, values[i]);
        }
        return result;
    }

    static WeightedHistories of(Collection<PurchaseHistory> histories) {
        if (histories.isEmpty()) {
            throw new AnalyticsException(AnalyticsException.Reason.INSUFFICIENT_DATA, "histories",
                    "no customer to fit the model to");
        }
        Map<PurchaseHistory, double[]> counts = new HashMap<>();
        for (PurchaseHistory h : histories) {
            counts.computeIfAbsent(h, k -> new double[1])[0]++;
        }
        int n = counts.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        int i = 0;
        for (Map.Entry<PurchaseHistory, double[]> e : counts.entrySet()) {
            x[i] = e.getKey().frequency();
            tx[i] = e.getKey().recency();
            t[i] = e.getKey().age();
            w[i] = e.getValue()[0];
            i++;
        }
        WeightedHistories result = new WeightedHistories(x, tx, t, w);
        if (result.maxFrequency == 0) {
            throw new AnalyticsException(AnalyticsException.Reason.INSUFFICIENT_DATA, "frequency",
                    "no customer made a repeat purchase, so the purchase rate cannot be estimated");
        }
        return result;
    }

    static WeightedHistories single(PurchaseHistory h) {
        return new WeightedHistories(new int[] {h.frequency()}, new double[] {h.recency()}, new double[] {h.age()},
                new double[] {1});
    }

    int size() {
        return frequency.length;
    }

    double meanAge() {
        double sum = 0;
        for (int i = 0; i < age.length; i++) {
            sum += age[i] * weight[i];
        }
        return sum / totalWeight;
    }
}
