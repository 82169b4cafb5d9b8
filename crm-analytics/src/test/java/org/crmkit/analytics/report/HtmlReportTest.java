package org.crmkit.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.WhaleCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    @Test
    void aFunnelHasOneBarPerStageWithItsCaptionAndTheLargestStageFullWidth() throws Exception {
        HtmlReport report = HtmlReport.titled("Pipeline")
                .funnel(
                        "Funnel",
                        List.of(
                                new HtmlReport.Bar("Qualify", 300_000, "EUR 300,000.00"),
                                new HtmlReport.Bar("Propose", 150_000, "EUR 150,000.00"),
                                new HtmlReport.Bar("Negotiate", 75_000, "EUR 75,000.00")))
                .build();

        Document html = parse(report);
        NodeList bars = nodes(html, "//*[local-name()='section'][1]//*[local-name()='rect'][@class='bar']");
        assertThat(bars.getLength()).isEqualTo(3);
        double first = Double.parseDouble(((Element) bars.item(0)).getAttribute("width"));
        double second = Double.parseDouble(((Element) bars.item(1)).getAttribute("width"));
        assertThat(second).isEqualTo(first / 2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(text(html, "//*[local-name()='section'][1]")).contains("Qualify", "EUR 150,000.00", "Negotiate");
    }

    @Test
    void textIsEscapedSoThatNamesCannotInjectMarkup() throws Exception {
        HtmlReport report = HtmlReport.titled("Customers <b>& co</b>")
                .figure("Top \"customer\"", "<script>alert(1)</script>")
                .table("Top", List.of("name", "value"), List.of(List.of("Smith & Sons <Ltd>", "1")))
                .build();

        Document html = parse(report);
        assertThat(nodes(html, "//*[local-name()='script']").getLength()).isZero();
        assertThat(nodes(html, "//*[local-name()='b']").getLength()).isZero();
        assertThat(text(html, "//*[local-name()='h1']")).isEqualTo("Customers <b>& co</b>");
        assertThat(text(html, "//*[local-name()='td'][1]")).isEqualTo("Smith & Sons <Ltd>");
    }

    @Test
    void theReportLoadsNothingFromOutside() {
        String html = HtmlReport.titled("Offline")
                .bars("Bars", List.of(new HtmlReport.Bar("a", 1, "")))
                .build()
                .html();

        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
    }

    @Test
    void aTimelinePlacesEachMarkOnItsLaneColouredByKindWithALegend() throws Exception {
        LocalDate start = LocalDate.of(2026, 1, 1);
        HtmlReport report = HtmlReport.titled("Dunning")
                .timeline(
                        "Ladder",
                        start,
                        start.plusDays(120),
                        List.of(
                                new HtmlReport.Lane(
                                        "Acme",
                                        List.of(
                                                new HtmlReport.Mark(start.plusDays(37), "reminder", "first reminder"),
                                                new HtmlReport.Mark(start.plusDays(51), "reminder", "second reminder"),
                                                new HtmlReport.Mark(
                                                        start.plusDays(90), "lawyer", "dossier handed over"))),
                                new HtmlReport.Lane(
                                        "Globex",
                                        List.of(new HtmlReport.Mark(start.plusDays(10), "payment", "paid in full")))))
                .build();

        Document html = parse(report);
        NodeList marks = nodes(html, "//*[local-name()='circle'][@class='mark']");
        assertThat(marks.getLength()).isEqualTo(4);
        Element lawyer = (Element) marks.item(2);
        assertThat(lawyer.getAttribute("data-date")).isEqualTo("2026-04-01");
        assertThat(lawyer.getAttribute("fill")).isNotEqualTo(((Element) marks.item(0)).getAttribute("fill"));
        assertThat(((Element) marks.item(1)).getAttribute("fill"))
                .isEqualTo(((Element) marks.item(0)).getAttribute("fill"));
        double x0 = Double.parseDouble(((Element) marks.item(0)).getAttribute("cx"));
        double x2 = Double.parseDouble(lawyer.getAttribute("cx"));
        assertThat(x2).isGreaterThan(x0);
        assertThat(text(html, "//*[@class='legend']")).contains("reminder", "lawyer", "payment");
    }

    @Test
    void theRfmGridCountsEveryCustomerOnceAndShowsSegmentValues() throws Exception {
        List<RfmScore> scores = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int r = i % 5 + 1;
            int f = i / 5 + 1;
            scores.add(new RfmScore(
                    "c" + i, 10L * i, f, BigDecimal.valueOf(10 + i), r, f, 3, r >= 4 ? "champions" : "others"));
        }
        RfmReport rfm = new RfmReport(
                scores,
                List.of(
                        new RfmReport.SegmentTotals("champions", 10, new BigDecimal("500.00")),
                        new RfmReport.SegmentTotals("others", 15, new BigDecimal("100.00"))));

        Document html = parse(HtmlReport.titled("RFM").rfm("RFM", rfm, "USD").build());

        NodeList cells = nodes(html, "//*[local-name()='table'][@class='grid']//*[local-name()='td']");
        assertThat(cells.getLength()).isEqualTo(25);
        double counted = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            counted += Double.parseDouble(((Element) cells.item(i)).getAttribute("data-value"));
        }
        assertThat(counted).isEqualTo(25);
        assertThat(text(html, "//*[local-name()='section'][2]")).contains("champions", "10 customers · USD 500.00");
    }

    @Test
    void theWhaleCurveRisesAboveTheHundredPercentLineAndEndsOnIt() throws Exception {
        Profitability profitability = Profitability.of(new BigDecimal("5"), new BigDecimal("100"));
        LocalDate day = LocalDate.of(2026, 3, 1);
        profitability.add(new PurchaseRecord("whale", day, new BigDecimal("500"), new BigDecimal("100"), "p"));
        profitability.add(new PurchaseRecord("small", day, new BigDecimal("30"), new BigDecimal("20"), "p"));
        profitability.add(new PurchaseRecord("loss", day, new BigDecimal("10"), new BigDecimal("40"), "p"));
        WhaleCurve curve = WhaleCurve.of(profitability.customers());

        Document html = parse(
                HtmlReport.titled("Profit").whaleCurve("Whale curve", curve).build());

        Element line = (Element)
                nodes(html, "//*[local-name()='polyline'][@class='curve']").item(0);
        String[] points = line.getAttribute("points").split(" ");
        assertThat(points).hasSize(4);
        Element reference = (Element)
                nodes(html, "//*[local-name()='line'][@class='reference']").item(0);
        double hundred = Double.parseDouble(reference.getAttribute("y1"));
        double peakY = Double.parseDouble(points[1].split(",")[1]);
        double endY = Double.parseDouble(points[3].split(",")[1]);
        assertThat(peakY)
                .as("SVG y grows downwards: the peak is above the 100% line")
                .isLessThan(hundred);
        assertThat(endY).isEqualTo(hundred, org.assertj.core.data.Offset.offset(0.11));
    }

    @Test
    void aHistogramPutsTheTopPercentIntoAnOpenLastBin() throws Exception {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 990 ? i % 100 : 1_000_000;
        }

        Document html = parse(
                HtmlReport.titled("CLV").histogram("CLV", "value", values, 10).build());

        NodeList bars = nodes(html, "//*[local-name()='rect'][@class='bar']");
        assertThat(bars.getLength()).isEqualTo(11);
        assertThat(text(html, "(//*[local-name()='rect'][@class='bar'])[11]/*[local-name()='title']"))
                .startsWith("above")
                .endsWith(": 10");
    }

    @Test
    void invalidInputNamesTheFieldAndTheProblem() {
        assertThatThrownBy(() -> new HtmlReport.Bar("Qualify", -1, ""))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("value")
                .hasMessageContaining("Qualify")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> HtmlReport.titled(" "))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> HtmlReport.titled("t")
                        .grid("g", "r", "c", List.of("a", "b"), List.of("x"), new HtmlReport.Cell[][] {
                            {new HtmlReport.Cell(1, "1")}
                        }))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("2 rows but 1");
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> HtmlReport.titled("t").timeline("t", day, day, List.of()))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void writeToCreatesTheDirectoriesAndReturnsTheAbsolutePath(@TempDir Path dir) throws Exception {
        HtmlReport report =
                HtmlReport.titled("Written").text("About", "ünïcödé €").build();

        Path written = report.writeTo(dir.resolve("nested/report.html"));

        assertThat(written).isAbsolute();
        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .isEqualTo(report.html())
                .contains("ünïcödé €");
    }

    @Test
    void nonCharactersAndLoneSurrogatesAreReplacedSoTheReportStillParsesAsXml(@TempDir Path dir) throws Exception {
        String hostile = "A\uFFFEB\uFFFFC\uD800D\uDC00E";
        HtmlReport report = HtmlReport.titled("Names " + hostile)
                .table("Customers", List.of("name", "note"), List.of(List.of(hostile, "smile \uD83D\uDE00")))
                .figure("Chart " + hostile, hostile)
                .build();

        Document html = parse(report);
        assertThat(text(html, "//*[local-name()='h1']")).isEqualTo("Names A\uFFFDB\uFFFDC\uFFFDD\uFFFDE");
        assertThat(text(html, "//*[local-name()='td'][1]")).isEqualTo("A\uFFFDB\uFFFDC\uFFFDD\uFFFDE");
        assertThat(text(html, "//*[local-name()='td'][2]")).isEqualTo("smile \uD83D\uDE00");
        Path written = report.writeTo(dir.resolve("report.html"));
        assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(report.html());
    }

    @Test
    void aReportThatCannotBeWrittenNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectory(dir.resolve("taken"));

        assertThatThrownBy(() ->
                        HtmlReport.titled("Written").text("About", "x").build().writeTo(file))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.UNWRITABLE_OUTPUT))
                .hasMessageContaining(file + ": cannot write the report");
    }

    private static Document parse(HtmlReport report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(report.html().getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Document html, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, html, XPathConstants.NODESET);
    }

    private static String text(Document html, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, html);
    }
}
