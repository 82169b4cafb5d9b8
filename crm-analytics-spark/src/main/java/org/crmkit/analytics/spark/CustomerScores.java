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
 * Values and scores one partition of customer summaries with the models fitted on the driver: crmkit's {@link
 * LifetimeValue} over the partition's customers (its table per distinct (x, T) built per partition), the probability
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

    private final Models models;

    CustomerScores(Models models) {
        this.models = models;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> summaryRows) {
        List<Row> rows = new ArrayList<>();
        List<CustomerSummary> customers = new ArrayList<>();
        while (summaryRows.hasNext()) {
            Row row = summaryRows.next();
            rows.add(row);
            customers.add(SummaryRows.summaryOf(row));
        }
        if (customers.isEmpty()) {
            return List.<Row>of().iterator();
        }
        double[] p = models.purchases();
        double[] s = models.spend();
        BgNbdModel purchases = BgNbdModel.of(p[0], p[1], p[2], p[3]);
        GammaGammaModel spend = GammaGammaModel.of(s[0], s[1], s[2]);
        LifetimeValue lifetimeValue =
                LifetimeValue.of(purchases, spend, models.months(), models.monthlyDiscountRate(), models.unit());
        double[] values = lifetimeValue.estimates(customers);
        double[] expectedPurchases = lifetimeValue.expectedPurchases(customers);
        List<Row> scored = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary customer = customers.get(i);
            RfmScore rfm = models.rfm().score(customer);
            Object[] fields = new Object[SCHEMA.size()];
            int summaryColumns = SummaryRows.SCHEMA.size();
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
