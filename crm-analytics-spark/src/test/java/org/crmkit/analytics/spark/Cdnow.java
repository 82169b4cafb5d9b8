package org.crmkit.analytics.spark;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseCsvReader;

/** The CDNOW master file of {@code shared/data/cdnow}, found through the {@code crmkit.cdnow.dir} property. */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private Cdnow() {}

    static Path master() {
        String dir = System.getProperty("crmkit.cdnow.dir");
        if (dir == null) {
            fail("System property crmkit.cdnow.dir is not set: run the tests through Maven (surefire sets it to "
                    + "<repo root>/../shared/data/cdnow)");
        }
        Path path = Path.of(dir).resolve("CDNOW_master.txt").normalize();
        if (!Files.isRegularFile(path)) {
            fail("CDNOW fixture " + path + " is missing: the shared/ folder must sit beside the repository");
        }
        return path;
    }

    /** The master file as crm-analytics reads it: whitespace runs, a header, dates as yyyyMMdd. */
    static PurchaseCsvReader masterReader() {
        return Analytics.csv()
                .whitespaceDelimited()
                .customerColumn("customer_id")
                .dateColumn("date")
                .amountColumn("dollar_value")
                .datePattern("yyyyMMdd")
                .build();
    }

    /** The settings the tests analyse CDNOW with: weeks, calibration to 1997-09-30, a CSV of customer,date,amount. */
    static SparkAnalytics.Builder analytics() {
        return SparkAnalytics.builder(CALIBRATION_END).unit(PeriodUnit.WEEKS).datePattern("yyyyMMdd");
    }

    /** The master file rewritten as comma-separated customer_id,date,amount (what Spark's CSV reader takes). */
    static Path masterAsCsv(Path folder) throws IOException {
        Path csv = folder.resolve("cdnow.csv");
        List<String> lines = Files.readAllLines(master());
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("customer_id,date,amount\n");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 4) {
                    out.write(fields[0] + "," + fields[1] + "," + fields[3] + "\n");
                }
            }
        }
        return csv;
    }
}
