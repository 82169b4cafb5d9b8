package org.crmkit.analytics.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.RfmScale;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SpendHistory;

/**
 * Values and scores one partition of customer summaries with the models fitted on the driver, a batch of customers
 * at a time: crmkit's {@link LifetimeValue} over the batch (its table per distinct (x, T) built per batch), the probability
 * of being active, and the RFM scores of the whole base through its {@link RfmScale}. The models travel as their
 * parameters.
 */
final class CustomerScores implements MapPartitionsFunction<Row, Row> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The summary's columns, then these. */
    static final StructType SCHEMA = SummaryRows.SCHEMA
            .add("probability_alive", DataTypes.DoubleType, false)
            .add("expected_purchases", DataTypes.DoubleType, false)
            .add("expected_spend", DataTypes.DoubleType, false)
            .add("clv", DataTypes.DoubleType, false)
            .add("recency_score", DataTypes.IntegerType, false)
            .add("frequency_score", DataTypes.IntegerType, false)
            .add("monetary_score", DataTypes.IntegerType, false)
            .add("rfm_segment", DataTypes.StringType, false);

    /**
     * The fitted models and the valuation's settings.
     *
     * @param purchases BG/NBD's r, alpha, a, b
     * @param spend     Gamma-Gamma's p, q, gamma
     */
    record Models(
            double[] purchases, double[] spend, int months, double monthlyDiscountRate, PeriodUnit unit, RfmScale rfm)
            implements Serializable {}

    /** Customers valued at a time (crm-analytics' lifetime value builds its table per batch). */
    static final int CUSTOMERS_PER_BATCH = 50_000;

    private final Models models;
    private final int customersPerBatch;

    CustomerScores(Models models, int customersPerBatch) {
        this.models = models;
        this.customersPerBatch = customersPerBatch;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> summaryRows) {
        double[] p = models.purchases();
        double[] s = models.spend();
        BgNbdModel purchases = BgNbdModel.of(p[0], p[1], p[2], p[3]);
        GammaGammaModel spend = GammaGammaModel.of(s[0], s[1], s[2]);
        LifetimeValue lifetimeValue =
                LifetimeValue.of(purchases, spend, models.months(), models.monthlyDiscountRate(), models.unit());
        return new Batched(summaryRows::hasNext, () -> {
            List<Row> rows = new ArrayList<>();
            while (rows.size() < customersPerBatch && summaryRows.hasNext()) {
                rows.add(summaryRows.next());
            }
            return score(rows, purchases, spend, lifetimeValue);
        });
    }

    private Iterator<Row> score(
            List<Row> rows, BgNbdModel purchases, GammaGammaModel spend, LifetimeValue lifetimeValue) {
        List<CustomerSummary> customers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            customers.add(SummaryRows.summaryOf(row));
        }
        double[] values = lifetimeValue.estimates(customers);
        double[] expectedPurchases = lifetimeValue.expectedPurchases(customers);
        int summaryColumns = SummaryRows.SCHEMA.size();
        List<Row> scored = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary customer = customers.get(i);
            RfmScore rfm = models.rfm().score(customer);
            Object[] fields = new Object[SCHEMA.size()];
            for (int k = 0; k < summaryColumns; k++) {
                fields[k] = rows.get(i).get(k);
            }
            fields[summaryColumns] = purchases.probabilityAlive(customer.history());
            fields[summaryColumns + 1] = expectedPurchases[i];
            fields[summaryColumns + 2] = spend.expectedSpend(SpendHistory.of(customer));
            fields[summaryColumns + 3] = values[i];
            fields[summaryColumns + 4] = rfm.recencyScore();
            fields[summaryColumns + 5] = rfm.frequencyScore();
            fields[summaryColumns + 6] = rfm.monetaryScore();
            fields[summaryColumns + 7] = rfm.segment();
            scored.add(RowFactory.create(fields));
        }
        return scored.iterator();
    }
}
