package org.crmkit.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.analytics.ProfitPotential;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.WhaleCurve;
import org.crmkit.analytics.crm.PipelineForecast;
import org.crmkit.analytics.report.HtmlReport;
import org.crmkit.core.Crm;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageKind;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCase;

/** Turns what the demo did into the HTML report of crm-analytics. */
final class DemoReport {

    /** The case events drawn on the dunning ladder; the others (opened, invoice added, ...) are bookkeeping. */
    private static final Set<CaseEventKind> LADDER = Set.of(
            CaseEventKind.NOTICE_DELIVERED,
            CaseEventKind.CALL_QUEUED,
            CaseEventKind.HANDED_TO_LAWYER,
            CaseEventKind.PARTIAL_PAYMENT,
            CaseEventKind.INVOICE_PAID,
            CaseEventKind.CLOSED);

    private DemoReport() {}

    static Path write(
            Path file,
            Crm crm,
            Dunning dunning,
            List<DemoFixtures.Customer> customers,
            List<LeadId> leads,
            Pipeline pipeline,
            DemoLog log,
            Instant from,
            Instant to,
            CdnowAnalysis.Result cdnow) {
        LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<Opportunity> deals = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            deals.addAll(crm.sales()
                    .opportunitiesInStage(stage.id(), PageRequest.first(500))
                    .items());
        }
        HtmlReport.Builder report = HtmlReport.titled("crmkit demo")
                .subtitle("A simulated company from " + start + " to " + end + " (" + customers.size()
                        + " customers), and the CDNOW purchases 1997-1998")
                .figure("customers", Integer.toString(customers.size()))
                .figure("opportunities", Integer.toString(deals.size()))
                .figure(
                        "messages sent",
                        Long.toString(log.entries().stream()
                                .filter(e ->
                                        !e.kind().equals("payment") && !e.kind().equals("lawyer"))
                                .count()))
                .figure("lawyer cases", Integer.toString(log.dossiers().size()));

        List<HtmlReport.Bar> funnel = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() == StageKind.LOST) {
                continue;
            }
            List<Opportunity> inStage =
                    deals.stream().filter(d -> d.stage().equals(stage.id())).toList();
            BigDecimal value = inStage.stream()
                    .filter(d -> d.amount() != null)
                    .map(d -> d.amount().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            funnel.add(new HtmlReport.Bar(
                    stage.name(), value.doubleValue(), inStage.size() + " deal(s) · " + money("EUR", value)));
        }
        report.funnel("Pipeline " + pipeline.name() + ": value per stage", funnel);

        PipelineForecast forecast =
                PipelineForecast.of(List.of(pipeline), deals, PipelineForecast.Granularity.QUARTER, ZoneOffset.UTC);
        List<HtmlReport.Bar> byCategory = new ArrayList<>();
        for (Map.Entry<ForecastCategory, BigDecimal> category :
                forecast.expectedByCategory().entrySet()) {
            byCategory.add(new HtmlReport.Bar(
                    category.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    category.getValue().doubleValue(),
                    "weighted " + money("EUR", category.getValue())));
        }
        if (!byCategory.isEmpty()) {
            report.bars("Forecast by category (amount x probability)", byCategory);
        }

        List<List<String>> leadRows = new ArrayList<>();
        for (LeadId id : leads) {
            Lead lead = crm.leads().lead(id).orElseThrow();
            leadRows.add(List.of(
                    lead.details().companyName(),
                    lead.details().personName(),
                    lead.source().value(),
                    Integer.toString(lead.score()),
                    lead.owner() == null ? "" : crm.access().user(lead.owner()).name(),
                    lead.assignment() == null ? "" : lead.assignment().rule(),
                    lead.status().name().toLowerCase(Locale.ROOT)));
        }
        report.table(
                "Leads: score, owner and the assignment rule that decided",
                List.of("company", "person", "source", "score", "owner", "assigned by rule", "status"),
                leadRows);

        List<HtmlReport.Lane> lanes = new ArrayList<>();
        for (DemoFixtures.Customer customer : customers) {
            List<HtmlReport.Mark> marks = new ArrayList<>();
            for (DunningCase dunningCase : dunning.casesOf(customer.account().id())) {
                for (CaseEvent event : dunningCase.history()) {
                    if (LADDER.contains(event.kind())) {
                        marks.add(new HtmlReport.Mark(
                                event.on(),
                                event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                                "level " + event.level() + " " + event.invoices()));
                    }
                }
            }
            lanes.add(new HtmlReport.Lane(customer.account().name(), marks));
        }
        report.timeline("Dunning ladder per customer", start, end, lanes);

        if (cdnow != null) {
            report.rfm("CDNOW: RFM grid (customers · calibration spend)", cdnow.rfm(), "USD");
            report.histogram("CDNOW: 12-month customer lifetime value", "CLV in USD", cdnow.clv(), 20);
            report.whaleCurve("CDNOW: whale curve (30% margin, $3 cost per order)", WhaleCurve.of(cdnow.profits()));
            List<List<String>> rows = new ArrayList<>();
            for (ProfitPotential.Cell cell : cdnow.matrix().cells()) {
                rows.add(List.of(
                        name(cell.tier()),
                        cell.potential().name().toLowerCase(Locale.ROOT),
                        cell.action().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        String.format(Locale.ROOT, "%,d", cell.customers()),
                        money("USD", cell.currentProfit()),
                        money("USD", BigDecimal.valueOf(cell.possibleProfit()))));
            }
            report.table(
                    "CDNOW: possible-profit matrix (current vs 12-month possible profit)",
                    List.of("tier", "potential", "action", "customers", "current profit", "possible profit"),
                    rows);
        } else {
            report.text("CDNOW", "The CDNOW data were not found, so the customer analytics are not shown.");
        }
        return report.build().writeTo(file);
    }

    private static String name(Profitability.Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
