package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.lead.DuplicateMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the demo shows and reports, whichever database it runs on: a subclass runs the whole demo once (as the
 * README's demo command does, on its database) and these checks compare the printed story and the HTML report with
 * what the demo did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoRunChecks {

    Path directory;
    CrmkitDemo.Outcome outcome;
    String printed;
    private Document report;

    /** Runs the demo on the subclass's database, writing into {@code directory} and printing to {@code out}. */
    abstract CrmkitDemo.Outcome runDemo(Path directory, Path cdnow, PrintStream out);

    @BeforeAll
    void runTheDemo(@TempDir Path directory) throws Exception {
        this.directory = directory;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path cdnow = Path.of(System.getProperty("crmkit.cdnow.dir", "../../shared/data/cdnow"));
        outcome = runDemo(directory, cdnow, new PrintStream(bytes, true, StandardCharsets.UTF_8));
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
    void leadsGoToTheirTerritorysOwnerOrInTurnToTheTeamMemberWithFewestOpenLeads() {
        assertThat(outcome.assignedLeads())
                .extracting(
                        CrmkitDemo.LeadAssigned::company, CrmkitDemo.LeadAssigned::owner, CrmkitDemo.LeadAssigned::rule)
                .containsExactly(
                        tuple("Fischer Maschinen", "Ada Sales", "Germany, 50+ employees"),
                        tuple("Graf Software", "Ben Sales", "Sales DACH in turn"),
                        tuple("Huber Werkzeuge", "Ben Sales", "Switzerland"),
                        tuple("Iversen Transporte", "Ada Sales", "Sales DACH in turn"));
        assertThat(printed)
                .contains(
                        "Fischer Maschinen  -> Ada Sales by rule 'Germany, 50+ employees' (matches country DE, 50.. employees)")
                .contains(
                        "Graf Software      -> Ben Sales by rule 'Sales DACH in turn' (round-robin in team Sales DACH: fewest open leads (0 of 10))")
                .contains(
                        "Iversen Transporte -> Ada Sales by rule 'Sales DACH in turn' (round-robin in team Sales DACH: fewest open leads (1 of 10))");
    }

    @Test
    void aLeadWithTheEmailOfAContactIsReportedAsAPossibleDuplicateInsteadOfCaptured() {
        assertThat(outcome.duplicates())
                .extracting(m -> m.record().type(), DuplicateMatch::reason, DuplicateMatch::value)
                .contains(tuple(RecordType.CONTACT, DuplicateMatch.Reason.EMAIL, "anna@anders-logistik.example"));
        assertThat(printed)
                .contains("Anna Anders (anna@anders-logistik.example) not captured, possible duplicate of: "
                        + "[contact Anna Anders by email anna@anders-logistik.example");
    }

    @Test
    void theBestLeadBecomesAnAccountAContactAndAnOpportunityInTheFunnel() throws Exception {
        var converted = outcome.convertedLead();
        assertThat(converted.account().name()).isEqualTo("Fischer Maschinen");
        assertThat(converted.contact().name().fullName()).isEqualTo("Franz Fischer");
        assertThat(converted.opportunity().amount()).hasToString("EUR 36250.00");
        assertThat(printed)
                .contains(
                        "best lead Franz Fischer (score 100) converted: account Fischer Maschinen, "
                                + "contact Franz Fischer, opportunity 'Telematics for Fischer Maschinen' (EUR 36250.00) in Qualify");
        assertThat(printed)
                .contains("open deals: [Qualify 2 (EUR 56550.00), Propose 1 (EUR 14500.00), "
                        + "Negotiate 2 (EUR 29000.00)]; won 1, lost 0");
        assertThat(text("//*[local-name()='section'][1]//*[local-name()='title'][starts-with(., 'Qualify:')]"))
                .as("Engel's deal of EUR 20,300.00 and the converted lead's")
                .isEqualTo("Qualify: 2 deal(s) · EUR 56,550.00");
    }

    @Test
    void theReportListsEveryLeadWithItsOwnerItsDecidingRuleAndItsStatus() throws Exception {
        String rows = "//*[local-name()='section'][*[local-name()='h2'][starts-with(., 'Leads')]]"
                + "//*[local-name()='tr'][*[local-name()='td']]";
        assertThat(nodes(rows).getLength()).isEqualTo(outcome.assignedLeads().size());
        for (CrmkitDemo.LeadAssigned lead : outcome.assignedLeads()) {
            NodeList row = nodes(rows + "[*[local-name()='td'][1] = '" + lead.company() + "']/*[local-name()='td']");
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLength(); i++) {
                cells.add(row.item(i).getTextContent());
            }
            assertThat(cells)
                    .contains(lead.owner(), lead.rule())
                    .last()
                    .isEqualTo(lead.company().equals("Fischer Maschinen") ? "converted" : "new");
        }
    }

    @Test
    void theRefusedMoveListsEveryMissingGate() {
        assertThat(outcome.refusal())
                .extracting(v -> v.code())
                .containsExactlyInAnyOrder("gate.required-field", "gate.line-item");
        outcome.refusal().forEach(v -> assertThat(printed).contains(v.message()));
    }

    @Test
    void theFunnelShowsTheWonDealsValue() throws Exception {
        Element won = (Element) nodes(
                        "//*[local-name()='section'][1]//*[local-name()='rect'][*[local-name()='title'][starts-with(., 'Won:')]]")
                .item(0);
        assertThat(won).isNotNull();
        assertThat(text("//*[local-name()='section'][1]"))
                .contains("1 deal(s) · EUR "
                        + String.format(
                                Locale.ROOT, "%,.2f", outcome.wonDeal().amount().amount()));
    }

    @Test
    void theDunningLadderNeverDunsTheCustomerWhoPaidOnTimeAndShowsTheLawyerForTheOthers() throws Exception {
        assertThat(outcome.lawyerCases()).containsExactlyInAnyOrder("Engel Handel", "Claussen Druck");
        NodeList lawyerMarks = nodes("//*[local-name()='circle'][@data-kind='handed to lawyer']");
        List<String> lanesWithLawyer = new ArrayList<>();
        for (int i = 0; i < lawyerMarks.getLength(); i++) {
            lanesWithLawyer.add(((Element) lawyerMarks.item(i)).getAttribute("data-lane"));
        }
        assertThat(lanesWithLawyer)
                .containsOnlyElementsOf(outcome.lawyerCases())
                .containsAll(outcome.lawyerCases());
        assertThat(text("//*[local-name()='section'][@data-kind='timeline']")).contains("Anders Logistik");
        assertThat(nodes("//*[local-name()='circle'][@data-lane='Anders Logistik']")
                        .getLength())
                .as("Anders paid before the first reminder")
                .isZero();
        assertThat(nodes("//*[local-name()='circle'][@data-lane='Berger Bau'][@data-kind='invoice paid']")
                        .getLength())
                .isEqualTo(1);
        assertThat(outcome.callQueue()).isEqualTo(2);
        assertThat(outcome.sentByKind()).containsEntry("greeting", outcome.greetings());
        assertThat(outcome.greetings())
                .as("four contacts with marketing consent have a birthday in the 120 days")
                .isEqualTo(4);
    }

    @Test
    void theCustomerAnalyticsCoverEveryCdnowCustomer() throws Exception {
        assertThat(outcome.cdnowAnalysed())
                .as("the CDNOW data are part of this workspace")
                .isTrue();
        NodeList cells = nodes("//*[local-name()='table'][@class='grid']//*[local-name()='td']");
        double customers = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            customers += Double.parseDouble(((Element) cells.item(i)).getAttribute("data-value"));
        }
        assertThat(customers).isEqualTo(23_570);
        assertThat(text("//*[local-name()='h2']")).isNotBlank();
        assertThat(nodes("//*[local-name()='polyline'][@class='curve']").getLength())
                .isEqualTo(1);
        assertThat(text("//*[local-name()='section'][last()]")).contains("possible-profit", "invest");
    }

    private NodeList nodes(String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, report, XPathConstants.NODESET);
    }

    private String text(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, report);
    }
}
