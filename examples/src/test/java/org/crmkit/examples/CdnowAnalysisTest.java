package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CDNOW example reproduces Fader, Hardie and Lee's published fits on the sample and prints every part. */
class CdnowAnalysisTest {

    private static Path cdnow(String name) {
        Path path = Path.of(System.getProperty("crmkit.cdnow.dir", "../../shared/data/cdnow"))
                .resolve(name);
        assertThat(path)
                .as("CDNOW fixture (the shared/ folder beside the repository)")
                .exists();
        return path;
    }

    private static List<String> run(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CdnowAnalysis.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theSampleAnalysisPrintsThePublishedParametersAndEverySection() {
        List<String> lines = run(cdnow("CDNOW_sample.txt"));

        assertThat(lines)
                .startsWith(
                        "CDNOW sample: 6,919 purchases of 2,357 customers; calibration to 1997-09-30, holdout to 1998-06-30,"
                                + " in weeks",
                        "BG/NBD: r=0.243 alpha=4.414 a=0.793 b=2.426, log-likelihood -9582.4",
                        "Gamma-Gamma: p=6.25 q=3.74 gamma=15.44 on 946 repeat customers");
        assertThat(lines)
                .contains(
                        "Top 5 customers by 12-month lifetime value (1% a month discount):",
                        "RFM segments (customers, calibration spend):",
                        "Valuable customers at risk (spend x probability of having left):",
                        "Key / small / unprofitable (30% margin, $3 per order, key from $50 profit):",
                        "Possible-profit matrix (12-month CLV x 30% margin, high from $10):");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("  key ") || l.startsWith("  small ") || l.startsWith("  unprofitable "))
                .hasSize(3 + 6);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  key          high INVEST"));
    }

    @Test
    void theSampleAnalysisNamesTheSameCustomersAndFiguresEveryRun() {
        List<String> lines = run(cdnow("CDNOW_sample.txt"));

        assertThat(lines.get(3))
                .isEqualTo("Holdout (39 weeks): 1653 repeat purchases expected, 1882 made;"
                        + " $59932 revenue expected, $70976 spent");
        assertThat(lines.get(5))
                .isEqualTo("  0509  x=18 t_x=35.14 T=35.86 mean spend $78.63  P(alive) 0.95  CLV $1175.69");
        assertThat(lines)
                .contains(
                        "  1901  spent $6552.70  P(alive) 0.000  value at risk $6552.70",
                        "  unprofitable    105 customers, profit -$88.23",
                        "  unprofitable low  REDUCE               105 customers");
    }

    @Test
    void theSegmentsOfTheSampleAddUpToEveryCustomer() {
        List<String> lines = run(cdnow("CDNOW_sample.txt"));
        int from = lines.indexOf("RFM segments (customers, calibration spend):") + 1;
        int to = lines.indexOf("Valuable customers at risk (spend x probability of having left):");

        int customers = lines.subList(from, to).stream()
                .mapToInt(l -> Integer.parseInt(
                        l.replaceAll("^  .+?\\s+([\\d,]+)  \\$.*$", "$1").replace(",", "")))
                .sum();

        assertThat(to - from).isBetween(9, 11);
        assertThat(customers).isEqualTo(2357);
    }
}
