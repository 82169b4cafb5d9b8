package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs the whole demo as the README's demo command does and checks its report against what the demo did. */
class CrmkitDemoTest {

    @TempDir
    static Path directory;
    private static CrmkitDemo.Outcome outcome;
    private static String printed;
    private static Document report;

    @BeforeAll
    static void runTheDemo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path cdnow = Path.of(System.getProperty("crmkit.cdnow.dir", "../../shared/data/cdnow"));
        outcome = CrmkitDemo.run(directory, cdnow, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        report = factory.newDocumentBuilder().parse(outcome.report().toFile());
    }

    @Test
    void everyStepReportsItsProgressAndThePathOfTheReport() {
        for (int step = 1; step <= 7; step++) {
            assertThat(printed).contains("[" + step + "/7] ");
        }
        assertThat(printed).contains(outcome.report().toString());
        assertThat(outcome.report()).startsWith(directory).exists();
    }

    @Test
    void theStoryIsStoredThroughJpaInAnH2DatabaseTheDemoNames() {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("crm");

        assertThat(printed).startsWith("Database: " + url + " (crmkit's JpaStorage and JpaWorkflowStore on Hibernate)");
        assertThat(directory.resolve("crm.mv.db")).exists().isNotEmptyFile();
    }

    @Test
    void theRefusedMoveListsEveryMissingGate() {
        assertThat(outcome.refusal()).extracting(v -> v.code())
                .containsExactlyInAnyOrder("gate.required-field", "gate.line-item");
        outcome.refusal().forEach(v -> assertThat(printed).contains(v.message()));
    }

    @Test
    void theFunnelShowsTheWonDealsValue() throws Exception {
        Element won = (Element) nodes("//*[local-name()='section'][1]//*[local-name()='rect'][*[local-name()='title'][starts-with(., 'Won:')]]")
                .item(0);
        assertThat(won).isNotNull();
        assertThat(text("//*[local-name()='section'][1]")).contains("1 deal(s) · EUR "
                + String.format(java.util.Locale.ROOT, "%,.2f", outcome.wonDeal().amount().amount()));
    }

    @Test
    void theDunningLadderNeverDunsTheCustomerWhoPaidOnTimeAndShowsTheLawyerForTheOthers() throws Exception {
        assertThat(outcome.lawyerCases()).containsExactlyInAnyOrder("Engel Handel", "Claussen Druck");
        NodeList lawyerMarks = nodes("//*[local-name()='circle'][@data-kind='handed to lawyer']");
        List<String> lanesWithLawyer = new ArrayList<>();
        for (int i = 0; i < lawyerMarks.getLength(); i++) {
            lanesWithLawyer.add(((Element) lawyerMarks.item(i)).getAttribute("data-lane"));
        }
        assertThat(lanesWithLawyer).containsOnlyElementsOf(outcome.lawyerCases())
                .containsAll(outcome.lawyerCases());
        assertThat(text("//*[local-name()='section'][@data-kind='timeline']")).contains("Anders Logistik");
        assertThat(nodes("//*[local-name()='circle'][@data-lane='Anders Logistik']").getLength())
                .as("Anders paid before the first reminder").isZero();
        assertThat(nodes("//*[local-name()='circle'][@data-lane='Berger Bau'][@data-kind='invoice paid']").getLength())
                .isEqualTo(1);
        assertThat(outcome.callQueue()).isEqualTo(2);
        assertThat(outcome.sentByKind()).containsEntry("greeting", outcome.greetings());
        assertThat(outcome.greetings()).as("four contacts with marketing consent have a birthday in the 120 days")
                .isEqualTo(4);
    }

    @Test
    void theCustomerAnalyticsCoverEveryCdnowCustomer() throws Exception {
        assertThat(outcome.cdnowAnalysed()).as("the CDNOW data are part of this workspace").isTrue();
        NodeList cells = nodes("//*[local-name()='table'][@class='grid']//*[local-name()='td']");
        double customers = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            customers += Double.parseDouble(((Element) cells.item(i)).getAttribute("data-value"));
        }
        assertThat(customers).isEqualTo(23_570);
        assertThat(text("//*[local-name()='h2']")).isNotBlank();
        assertThat(nodes("//*[local-name()='polyline'][@class='curve']").getLength()).isEqualTo(1);
        assertThat(text("//*[local-name()='section'][last()]")).contains("possible-profit", "invest");
    }

    private static NodeList nodes(String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, report, XPathConstants.NODESET);
    }

    private static String text(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, report);
    }
}
