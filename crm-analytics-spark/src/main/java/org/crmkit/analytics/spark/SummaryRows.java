package org.crmkit.analytics.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseHistory;
import org.crmkit.analytics.SpendHistory;

/**
 * One customer's summary (and profit, when tiers are asked for) as a Spark row between the two passes: days as epoch
 * days, amounts as decimals of 12 places (the most crmkit amounts have), the mean repeat spend as the double the
 * spend model sees.
 */
final class SummaryRows {

    /** Decimals of every crmkit amount: 12 places, and 26 digits before the point for sums of many amounts. */
    static final DataType AMOUNT = DataTypes.createDecimalType(38, 12);

    static final int CUSTOMER = 0;
    static final int FIRST_DAY = 1;
    static final int LAST_DAY = 2;
    static final int PURCHASES = 3;
    static final int FREQUENCY = 4;
    static final int RECENCY = 5;
    static final int AGE = 6;
    static final int TOTAL_SPEND = 7;
    static final int MONETARY_VALUE = 8;
    static final int DAYS_SINCE_LAST = 9;
    static final int HOLDOUT_PURCHASES = 10;
    static final int HOLDOUT_SPEND = 11;
    static final int REVENUE = 12;
    static final int COST_TO_SERVE = 13;
    static final int PROFIT = 14;
    static final int TIER = 15;

    static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("first_purchase_day", DataTypes.IntegerType, false)
            .add("last_purchase_day", DataTypes.IntegerType, false)
            .add("purchases", DataTypes.IntegerType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("age", DataTypes.DoubleType, false)
            .add("total_spend", AMOUNT, false)
            .add("monetary_value", DataTypes.DoubleType, false)
            .add("days_since_last_purchase", DataTypes.LongType, false)
            .add("holdout_purchases", DataTypes.IntegerType, false)
            .add("holdout_spend", AMOUNT, false)
            .add("revenue", AMOUNT, true)
            .add("cost_to_serve", AMOUNT, true)
            .add("profit", AMOUNT, true)
            .add("tier", DataTypes.StringType, true);

    private SummaryRows() {}

    /** The customer's row; {@code profit} is null when no tiers were asked for. */
    static Row of(CustomerSummary c, Profitability.CustomerProfit profit) {
        return RowFactory.create(
                c.customerId(),
                (int) c.firstPurchase().toEpochDay(),
                (int) c.lastPurchase().toEpochDay(),
                c.purchases(),
                c.frequency(),
                c.history().recency(),
                c.history().age(),
                c.totalSpend(),
                SpendHistory.of(c).monetaryValue(),
                c.daysSinceLastPurchase(),
                c.holdoutPurchases(),
                c.holdoutSpend(),
                profit == null ? null : profit.revenue(),
                profit == null ? null : profit.costToServe(),
                profit == null ? null : profit.profit(),
                profit == null ? null : profit.tier().name().toLowerCase(Locale.ROOT));
    }

    /**
     * The summary back from its row. The mean repeat spend comes back as the exact value of its double, which is
     * what the spend model and the lifetime value read of it.
     */
    static CustomerSummary summaryOf(Row row) {
        return new CustomerSummary(
                row.getString(CUSTOMER),
                LocalDate.ofEpochDay(row.getInt(FIRST_DAY)),
                LocalDate.ofEpochDay(row.getInt(LAST_DAY)),
                row.getInt(PURCHASES),
                new PurchaseHistory(row.getInt(FREQUENCY), row.getDouble(RECENCY), row.getDouble(AGE)),
                row.getDecimal(TOTAL_SPEND),
                new BigDecimal(row.getDouble(MONETARY_VALUE)),
                row.getLong(DAYS_SINCE_LAST),
                row.getInt(HOLDOUT_PURCHASES),
                row.getDecimal(HOLDOUT_SPEND));
    }
}
