package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.ConvertLead;
import org.crmkit.core.Crm;
import org.crmkit.core.LeadCapture;
import org.crmkit.core.LeadConversionResult;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Violation;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadCriteria;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.ScoreContribution;
import org.crmkit.core.lead.ScoringRule;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.DealField;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.StageGate;
import org.crmkit.core.sales.StageMoveResult;

/**
 * Sales pipeline and lead rules, start to finish, in memory: two pipelines with stage gates, a scoring model and
 * assignment rules; leads captured (one reported as a duplicate), scored with their explanation, assigned by rule;
 * a meeting that qualifies one, its conversion into account, contact and opportunity; the opportunity refused at a
 * gated stage with every violation, then walked to won; and the quarter's forecast.
 */
public final class SalesPipelineExample {

    static final Currency EUR = Currency.getInstance("EUR");

    static final LeadScoringModel SCORING = new LeadScoringModel(
            List.of(
                    new ScoringRule.TitleContains("Decision maker", List.of("CEO", "CTO", "Head of"), 30),
                    new ScoringRule.AttributeIs(
                            "Target industry",
                            ScoringRule.Attribute.INDUSTRY,
                            Set.of("Logistics", "Manufacturing"),
                            20),
                    new ScoringRule.CompanySize("Mid-market", 100, 5000, 15),
                    new ScoringRule.TitleContains("Not a buyer", List.of("Student", "Intern"), -40),
                    new ScoringRule.ActivityLogged("Meetings", ActivityKind.MEETING, 25, 50)),
            Duration.ofDays(30),
            50,
            80);

    private SalesPipelineExample() {}

    public static void main(String[] args) {
        run(Clock.systemUTC(), System.out);
    }

    static void run(Clock clock, PrintStream out) {
        LocalDate today = LocalDate.now(clock);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        Crm setup = Crm.builder().storage(storage).clock(clock).build();
        User ada = setup.access().registerUser("Ada", EmailAddress.of("ada@example.com"), Set.of(Role.SALES));
        User ben = setup.access().registerUser("Ben", EmailAddress.of("ben@example.com"), Set.of(Role.SALES));
        User mia = setup.access().registerUser("Mia", EmailAddress.of("mia@example.com"), Set.of(Role.MANAGER));
        Team inside = setup.access().createTeam("Inside sales", mia.id());
        setup.access().addTeamMember(inside.id(), ben.id());
        LeadAssignmentRules assignment = LeadAssignmentRules.of(
                new AssignmentRule.ToUser(
                        "DACH key accounts",
                        LeadCriteria.place(TerritoryRule.country("DE")).withEmployees(200, null),
                        ada.id()),
                new AssignmentRule.RoundRobin("Inside sales", LeadCriteria.ANY, inside.id(), 20, Map.of()));
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .leadScoring(SCORING)
                .leadAssignment(assignment)
                .build();

        Pipeline newBusiness = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Prove", 40, ForecastCategory.BEST_CASE)
                                        .gatedBy(
                                                StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                                StageGate.requiresActivitySinceStageEntry(ActivityKind.MEETING)),
                                NewStage.open("Commit", 80, ForecastCategory.COMMIT)
                                        .gatedBy(
                                                StageGate.requiresLineItem(),
                                                StageGate.minimumAmount(Money.of("10000.00", "EUR")),
                                                StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                StageGate.approvalBy(Role.MANAGER),
                                                StageGate.maxStagesSkipped(0)),
                                NewStage.won("Won").gatedBy(StageGate.requires(DealField.NEXT_STEP)),
                                NewStage.lost("Lost")));
        crm.pipelines()
                .changeCloseReasons(
                        newBusiness.id(),
                        List.of("Product fit", "Price"),
                        List.of("Price", "Competitor", "No decision"));
        Pipeline renewals = crm.pipelines()
                .definePipeline(
                        "Renewals",
                        List.of(
                                NewStage.open("Due", 70, ForecastCategory.COMMIT),
                                NewStage.won("Renewed"),
                                NewStage.lost("Churned")));
        out.println("Pipelines: " + describe(newBusiness) + "; " + describe(renewals));

        Lead jana = captured(
                out,
                crm.leads()
                        .capture(lead(
                                "Jana",
                                "Novak",
                                "Nordfracht GmbH",
                                "CTO",
                                "jana.novak@nordfracht.example",
                                "DE",
                                "Logistics",
                                450)));
        Lead tim = captured(
                out,
                crm.leads()
                        .capture(lead(
                                "Tim",
                                "Berger",
                                "Campus Labs",
                                "Student intern",
                                "tim@campus.example",
                                "AT",
                                "Education",
                                12)));
        LeadCapture again = crm.leads()
                .capture(lead("J.", "Novak", "Nordfracht", null, "JANA.NOVAK@nordfracht.example", "DE", null, null));
        if (again instanceof LeadCapture.PossibleDuplicates duplicates) {
            out.println("Not captured, possible duplicate of: "
                    + duplicates.matches().stream()
                            .map(m -> m.record().type() + " by " + m.reason() + " " + m.value())
                            .toList());
        }
        for (Lead lead : List.of(jana, tim)) {
            AssignmentResult result = crm.leads().assignByRules(lead.id());
            if (result instanceof AssignmentResult.Assigned assigned) {
                String owner = assigned.decision().owner().equals(ada.id()) ? "Ada" : "Ben";
                out.println("Assigned " + lead.details().personName() + " to " + owner + " by rule '"
                        + assigned.decision().rule() + "' ("
                        + assigned.decision().reason() + ")");
            }
        }

        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Discovery workshop", clock.instant())
                        .regarding(RecordRef.lead(jana.id())));
        jana = crm.leads().rescore(jana.id());
        out.println("After a meeting: " + scored(jana));
        crm.leads().qualify(jana.id());
        LeadConversionResult conversion = crm.leads()
                .convert(
                        jana.id(),
                        ConvertLead.withDeal(new ConvertLead.Deal(
                                newBusiness.id(), "Nordfracht fleet telematics", EUR, null, null)));
        LeadConversionResult.Converted converted = (LeadConversionResult.Converted) conversion;
        Opportunity deal = converted.opportunity();
        out.println("Converted " + converted.contact().name().fullName() + " into account "
                + converted.account().name() + " and opportunity '" + deal.name() + "' in "
                + stageOf(newBusiness, deal));

        StageMoveResult refused =
                crm.sales().moveToStage(deal.id(), newBusiness.stages().get(2).id());
        out.println("Move to Commit refused:");
        refused.violations().forEach(v -> out.println("  " + v.code() + "  " + v.message()));

        crm.sales().setExpectedCloseDate(deal.id(), today.plusDays(30));
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Solution demo", clock.instant())
                        .regarding(RecordRef.opportunity(deal.id())));
        out.println("Move to Prove: "
                + moved(crm.sales()
                        .moveToStage(deal.id(), newBusiness.stages().get(1).id())));
        out.println("Still missing for Commit: "
                + codes(crm.sales()
                        .missingFor(deal.id(), newBusiness.stages().get(2).id())));
        crm.sales().addLineItem(deal.id(), NewLineItem.of("TELEMATICS-BOX", "60", Money.of("290.00", "EUR"), "10"));
        crm.sales().addContactRole(deal.id(), converted.contact().id(), BuyingRole.DECISION_MAKER);
        crm.sales().approveStage(deal.id(), newBusiness.stages().get(2).id(), mia.id(), Role.MANAGER);
        out.println("Move to Commit: "
                + moved(crm.sales()
                        .moveToStage(deal.id(), newBusiness.stages().get(2).id())));
        crm.sales().setNextStep(deal.id(), "Kick-off with operations");
        out.println("Won for 'Product fit': " + moved(crm.sales().markWon(deal.id(), "Product fit")));

        Opportunity pending = crm.sales()
                .openOpportunity(NewOpportunity.of(
                                "Nordfracht expansion", converted.account().id(), newBusiness.id(), EUR, ada.id())
                        .withAmount(Money.of("40000.00", "EUR"))
                        .withExpectedCloseDate(today.plusDays(20)));
        crm.sales().overrideProbability(pending.id(), 25);
        crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Support renewal", converted.account().id(), renewals.id(), EUR, ada.id())
                                .withAmount(Money.of("6000.00", "EUR"))
                                .withExpectedCloseDate(today.plusDays(10)));
        QuotaPeriod quarter = QuotaPeriod.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
        crm.forecasts().setQuota(QuotaHolder.user(ada.id()), quarter, Money.of("60000.00", "EUR"));
        Forecast forecast = crm.forecasts().forecast(ForecastScope.owner(ada.id()), quarter, EUR);
        out.println("Forecast for Ada, " + quarter.first() + ".." + quarter.last() + ":");
        for (ForecastCategory category : List.of(
                ForecastCategory.PIPELINE,
                ForecastCategory.BEST_CASE,
                ForecastCategory.COMMIT,
                ForecastCategory.CLOSED)) {
            out.println("  " + category + ": " + forecast.total(category).deals() + " deals, "
                    + forecast.total(category).amount() + ", weighted "
                    + forecast.total(category).weighted());
        }
        out.println("  weighted " + forecast.weighted() + ", won " + forecast.won() + " of quota " + forecast.quota()
                + " (" + forecast.attainmentPercent() + " %)");
    }

    private static NewLead lead(
            String first,
            String last,
            String company,
            String title,
            String email,
            String country,
            String industry,
            Integer employees) {
        return new NewLead(
                new LeadDetails(
                        first,
                        last,
                        company,
                        title,
                        EmailAddress.of(email),
                        null,
                        CountryCode.of(country),
                        industry,
                        employees),
                LeadSource.of("web-form"),
                null,
                null);
    }

    private static Lead captured(PrintStream out, LeadCapture capture) {
        Lead lead = ((LeadCapture.Captured) capture).lead();
        out.println("Captured " + scored(lead));
        return lead;
    }

    private static String scored(Lead lead) {
        StringBuilder text = new StringBuilder(
                lead.details().personName() + ": score " + lead.score() + " (" + lead.qualification() + ")");
        for (ScoreContribution line : lead.scoreBreakdown()) {
            text.append(System.lineSeparator())
                    .append("    ")
                    .append(line.points() > 0 ? "+" : "")
                    .append(line.points())
                    .append("  ")
                    .append(line.rule())
                    .append(": ")
                    .append(line.reason());
        }
        return text.toString();
    }

    private static String describe(Pipeline pipeline) {
        return pipeline.name() + " "
                + pipeline.stages().stream()
                        .map(s -> s.name()
                                + (s.gates().isEmpty()
                                        ? ""
                                        : "[" + s.gates().size() + (s.gates().size() == 1 ? " gate]" : " gates]")))
                        .toList();
    }

    private static String stageOf(Pipeline pipeline, Opportunity deal) {
        return pipeline.requireStage(deal.stage()).name();
    }

    private static String moved(StageMoveResult result) {
        return result.moved() ? "moved" : "refused " + codes(result.violations());
    }

    private static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }
}
