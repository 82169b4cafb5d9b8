package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW fixtures of {@code shared/data/cdnow}, found through the {@code crmkit.cdnow.dir} system property. */
final class CdnowData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);

    private CdnowData() {}

    static Path file(String name) {
        String dir = System.getProperty("crmkit.cdnow.dir");
        if (dir == null) {
            fail("System property crmkit.cdnow.dir is not set: run the tests through Maven (surefire sets it to "
                    + "<repo root>/../shared/data/cdnow) or pass -Dcrmkit.cdnow.dir=/path/to/shared/data/cdnow");
        }
        Path path = Path.of(dir).resolve(name).normalize();
        if (!Files.isRegularFile(path)) {
            fail("CDNOW fixture " + path + " is missing: the shared/ folder must sit beside the repository "
                    + "(crmkit.cdnow.dir=" + dir + ")");
        }
        return path;
    }

    /** The sample's transaction file: no header, whitespace runs, columns as named in the README. */
    static PurchaseCsvReader sampleReader() {
        return Analytics.csv()
                .whitespaceDelimited()
                .withoutHeader()
                .columnNames(List.of("id_total", "id_sample", "date", "num_cd_purc", "total_value"))
                .customerColumn("id_sample")
                .dateColumn("date")
                .amountColumn("total_value")
                .datePattern("yyyyMMdd")
                .build();
    }

    /** The master file: a header naming the columns, whitespace runs. */
    static PurchaseCsvReader masterReader() {
        return Analytics.csv()
                .whitespaceDelimited()
                .customerColumn("customer_id")
                .dateColumn("date")
                .amountColumn("dollar_value")
                .datePattern("yyyyMMdd")
                .build();
    }

    /** A published summary row: ID, x, t_x, T, zbar. */
    record SummaryRow(String id, int x, double tx, double t, double zbar) {
        PurchaseHistory history() {
            return PurchaseHistory.of(x, tx, t);
        }
    }

    static List<SummaryRow> publishedSummary() {
        try {
            List<String> lines = Files.readAllLines(file("cdnow_customers_summary_with_transactions.csv"));
            List<SummaryRow> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new SummaryRow(
                        f[0].strip(),
                        Integer.parseInt(f[1].strip()),
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PurchaseHistory> publishedHistories() {
        return publishedSummary().stream().map(SummaryRow::history).toList();
    }
}
