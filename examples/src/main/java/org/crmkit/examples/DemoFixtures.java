package org.crmkit.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.NewPayment;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadCriteria;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.ScoreContribution;
import org.crmkit.core.lead.ScoringRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.DealField;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StageGate;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.InterestMode;
import org.crmkit.workflow.dunning.InterestRule;
import org.crmkit.workflow.dunning.ReferenceRates;

/**
 * The data and rules the {@link CrmkitDemo} story runs on: its users' assignment rules, scoring model and gated
 * pipeline, the customers, leads, deals and invoices it creates, its dunning policy, and how it describes what it
 * finds.
 */
final class DemoFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoFixtures() {}

    /** The lead assignment rules of the story: two by place and size, then the sales team in turn. */
    static LeadAssignmentRules assignmentRules(User ada, User ben, Team sales) {
        return LeadAssignmentRules.of(
                new AssignmentRule.ToUser(
                        "Germany, 50+ employees",
                        LeadCriteria.place(TerritoryRule.country("DE")).withEmployees(50, null),
                        ada.id()),
                new AssignmentRule.ToUser("Switzerland", LeadCriteria.place(TerritoryRule.country("CH")), ben.id()),
                new AssignmentRule.RoundRobin("Sales DACH in turn", LeadCriteria.ANY, sales.id(), 10, Map.of()));
    }

    /**
     * The gated new-business pipeline: a close date and a line item to propose, a decision maker and 10,000 EUR to
     * negotiate.
     */
    static Pipeline definePipeline(Crm setup) {
        return setup.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Propose", 40, ForecastCategory.BEST_CASE)
                                        .gatedBy(
                                                StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                                StageGate.requiresLineItem()),
                                NewStage.open("Negotiate", 70, ForecastCategory.COMMIT)
                                        .gatedBy(
                                                StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                StageGate.minimumAmount(Money.of("10000.00", "EUR"))),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
    }

    /** A deal for each customer but the first, moved as far as the pipeline's metrics should show. */
    static void openMoreDeals(Crm crm, List<Customer> customers, Pipeline pipeline) {
        int[] reached = {2, 1, 2, 0};
        for (int i = 1; i < customers.size(); i++) {
            Customer c = customers.get(i);
            Opportunity other = crm.sales()
                    .openOpportunity(NewOpportunity.of(
                            "Telematics for " + c.account().name(),
                            c.account().id(),
                            pipeline.id(),
                            Currency.getInstance("EUR"),
                            c.account().owner()));
            crm.sales().setExpectedCloseDate(other.id(), LocalDate.of(2026, 2 + i, 28));
            crm.sales()
                    .addLineItem(
                            other.id(),
                            NewLineItem.of(
                                    "TELEMATICS-BOX", Integer.toString(30 + 10 * i), Money.of("290.00", "EUR"), "0"));
            crm.sales().addContactRole(other.id(), c.contact().id(), BuyingRole.DECISION_MAKER);
            for (int stage = 1; stage <= reached[i - 1]; stage++) {
                crm.sales().moveToStage(other.id(), pipeline.stages().get(stage).id());
            }
        }
    }

    /** One invoice per customer, issued {@code today} and due in 14 days. */
    static List<Invoice> issueJanuaryInvoices(Crm crm, List<Customer> customers, LocalDate today) {
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            String amount =
                    List.of("1200.00", "800.00", "1500.00", "900.00", "2400.00").get(i);
            invoices.add(crm.billing()
                    .issueInvoice(new NewInvoice(
                            "2026-00" + (i + 1),
                            customers.get(i).account().id(),
                            today,
                            today.plusDays(14),
                            Currency.getInstance("EUR"),
                            List.of(InvoiceLine.of(
                                    "Services, January", BigDecimal.ONE, Money.of(amount, "EUR"), BigDecimal.ZERO)))));
        }
        return invoices;
    }

    static LeadScoringModel scoring() {
        return new LeadScoringModel(
                List.of(
                        new ScoringRule.AttributeIs(
                                "target industry", ScoringRule.Attribute.INDUSTRY, Set.of("manufacturing"), 30),
                        new ScoringRule.AttributeIs(
                                "home market", ScoringRule.Attribute.COUNTRY, Set.of("DE", "AT", "CH"), 10),
                        new ScoringRule.TitleContains("decision maker", List.of("head", "ceo", "director"), 25),
                        new ScoringRule.CompanySize("mid-sized", 50, 1000, 15),
                        new ScoringRule.AttributeIs(
                                "met at a fair", ScoringRule.Attribute.SOURCE, Set.of("trade-fair"), 20)),
                Duration.ofDays(30),
                40,
                70);
    }

    static NewLead lead(
            String first,
            String last,
            String company,
            String title,
            String country,
            String industry,
            int employees,
            String source) {
        String email = first.toLowerCase(Locale.ROOT) + "@"
                + company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        return new NewLead(
                new LeadDetails(
                        first,
                        last,
                        company,
                        title,
                        EmailAddress.of(email),
                        null,
                        CountryCode.of(country),
                        null,
                        null,
                        industry,
                        employees),
                LeadSource.of(source),
                null,
                null);
    }

    /** The matched record by name (the demo's customers are the only contacts and accounts so far) and why. */
    static String describe(DuplicateMatch match, List<Customer> customers) {
        String name = customers.stream()
                .filter(c -> c.contact().id().value().equals(match.record().id())
                        || c.account().id().value().equals(match.record().id()))
                .map(c -> c.contact().id().value().equals(match.record().id())
                        ? c.contact().name().fullName()
                        : c.account().name())
                .findFirst()
                .orElse(match.record().id().toString());
        return match.record().type().name().toLowerCase(Locale.ROOT) + " " + name + " by "
                + match.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + match.value();
    }

    static String explain(List<ScoreContribution> contributions) {
        return contributions.stream()
                .map(c -> c.rule() + " " + (c.points() >= 0 ? "+" : "") + c.points())
                .reduce((a, b) -> a + ", " + b)
                .orElse("no rule applied");
    }

    record Customer(Account account, Contact contact, boolean marketingConsent) {}

    static Customer customer(
            Crm crm,
            User owner,
            String company,
            String first,
            String last,
            String country,
            LocalDate birthday,
            boolean marketingConsent) {
        String domain = company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        PostalAddress address = PostalAddress.of("Hauptstr. 1", "10115", "Stadt", country);
        Account account = crm.parties()
                .registerAccount(NewAccount.of(company, owner.id())
                        .withEmail(EmailAddress.of("ap@" + domain), ContactPointType.BILLING)
                        .withAddress(address, ContactPointType.BILLING));
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, last), owner.id())
                        .withDetails(new ContactDetails(Locale.GERMAN, birthday, BERLIN))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@" + domain), ContactPointType.WORK)
                        .withAddress(address, ContactPointType.WORK));
        crm.parties()
                .linkContactToAccount(
                        contact.id(), account.id(), "Managing director", true, LocalDate.of(2020, 1, 1), null);
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
        if (marketingConsent) {
            crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "newsletter form");
        }
        return new Customer(account, crm.parties().contact(contact.id()), marketingConsent);
    }

    static Dunning dunning(WorkflowRuntime runtime, DunningCaseStore cases, User collections, DemoLog log) {
        ReferenceRates rates = ReferenceRates.builder()
                .halfYear(LocalDate.of(2026, 1, 1), "1.27") // an example figure: use the published rate
                .halfYear(LocalDate.of(2026, 7, 1), "1.27")
                .build();
        DunningPolicy policy = DunningPolicy.builder("b2b")
                .currency("EUR")
                .interest(InterestRule.of(InterestMode.B2B_GERMANY, rates))
                .level(DunningLevel.daysAfterDue(7)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(21)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .fee("5.00")
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(35).callTask(collections.id(), 2))
                .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold().notice(Channel.LETTER))
                .build();
        return Dunning.builder(runtime)
                .cases(cases)
                .policy(policy)
                .legalHandOff((key, dossier) -> log.lawyer(dossier))
                .build();
    }

    static void pay(Crm crm, DemoLog log, Invoice invoice, String amount) {
        Money paid = Money.of(amount, "EUR");
        log.event("payment", invoice.number(), "payment of " + paid);
        crm.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        paid,
                        log.today(),
                        PaymentMethod.BANK_TRANSFER,
                        "BANK-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), paid))));
    }
}
