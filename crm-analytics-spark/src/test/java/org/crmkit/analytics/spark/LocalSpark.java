package org.crmkit.analytics.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark in local mode per test class: two threads, few partitions, no web UI. */
final class LocalSpark {

    private LocalSpark() {}

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("crmkit-test")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
