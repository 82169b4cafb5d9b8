package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.campaign.AttributionModel;
import org.crmkit.workflow.campaign.CampaignReturn;
import org.crmkit.workflow.campaign.CampaignSends;
import org.crmkit.workflow.campaign.Conversion;
import org.crmkit.workflow.campaign.InMemoryCampaignSendStore;
import org.crmkit.workflow.campaign.ResponseKind;

/**
 * The campaign part of {@link MarketsAndServiceExample}: a winter sale to the shop's newsletter segment, with a new
 * subscriber's double opt-in, an address that bounced, an unsubscribe, and a click that led to a purchase whose
 * revenue and margin (from the invoice lines' unit costs) are credited to the campaign against its cost.
 */
final class CampaignStory {

    private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("confirm\\?t=(\\S+)");

    private CampaignStory() {}

    /** {@code lastMessage} is the last message the shop's e-mail channel delivered. */
    static void run(
            PrintStream out,
            Crm crm,
            WorkflowRuntime runtime,
            InMemoryStorage storage,
            SettableClock clock,
            UserId owner,
            List<Contact> subscribers,
            Supplier<Message> lastMessage) {
        CampaignSends sends = CampaignSends.builder(runtime)
                .store(InMemoryCampaignSendStore.create(storage))
                .templates(LocalizedTemplates.builder()
                        .addDefaults()
                        .template(
                                "winter-sale",
                                Locale.ENGLISH,
                                "Winter sale, {fullName}",
                                "Kettles 20% off until Christmas. Unsubscribe: {unsubscribeLink}")
                        .template(
                                "winter-sale",
                                Locale.forLanguageTag("pl"),
                                "Zimowa wyprzedaż, {fullName}",
                                "Czajniki 20% taniej do świąt. Wypisz się: {unsubscribeLink}")
                        .build())
                .unsubscribeLink("https://shop.example/unsubscribe?t=")
                .doubleOptIn(
                        "the shop's secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8),
                        "https://shop.example/confirm?t=",
                        Duration.ofDays(7))
                .defaultZone(ZoneId.of("Europe/Warsaw"))
                .build();
        SegmentId newsletter = crm.segments()
                .define("Newsletter", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("news")))
                .id();
        subscribers.forEach(subscriber -> crm.parties().tag(subscriber.id(), "news"));
        Contact piotr = crm.parties()
                .tag(
                        newContact(crm, owner, "Piotr", "Zieliński", "piotr@example.pl")
                                .id(),
                        "news");
        Contact olga = crm.parties()
                .tag(
                        newContact(crm, owner, "Olga", "Smirnova", "olga@old-mail.example")
                                .id(),
                        "news");
        crm.parties().grantConsent(olga.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "shop counter");

        // Monday 7 December 2026, 09:00 in Warsaw
        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        Campaign sale = crm.campaigns()
                .plan(NewCampaign.of(
                        "Winter sale",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 24)),
                        Money.of("100.00", "EUR")));
        crm.campaigns().activate(sale.id());
        crm.campaigns().recordCost(sale.id(), "mailing service", Money.of("40.00", "EUR"), LocalDate.of(2026, 12, 7));
        out.println();
        out.println("Winter sale to the newsletter segment:");
        sends.requestOptIn(sale.id(), piotr.id());
        runtime.runDue(clock.instant());
        Matcher link = CONFIRMATION_TOKEN.matcher(lastMessage.get().body());
        link.find();
        Contact confirmed = sends.confirmOptIn(link.group(1));
        out.println("  " + confirmed.name().fullName() + " opened the confirmation link: may receive the newsletter: "
                + confirmed.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING));
        sends.reportHardBounce(Channel.EMAIL, "olga@old-mail.example");
        out.println("  the mail server reported olga@old-mail.example as bouncing");
        sends.start(sale.id(), newsletter, Channel.EMAIL, "winter-sale", 100, LocalTime.of(9, 0), LocalTime.of(18, 0));
        runtime.runDue(clock.instant());

        Contact agnieszka = subscribers.get(0);
        Contact wei = subscribers.get(1);
        Contact unsubscribed = crm.parties()
                .contact(sends.unsubscribe(sends.recipientsOf(wei.id()).get(0).unsubscribeToken())
                        .contact());
        out.println("  " + unsubscribed.name().fullName() + " unsubscribed: may receive the newsletter: "
                + unsubscribed.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING));
        sends.recordResponse(sends.recipientsOf(agnieszka.id()).get(0).unsubscribeToken(), ResponseKind.CLICKED);
        out.println("  " + agnieszka.name().fullName() + " clicked, and three days later bought two kettles");

        clock.set(Instant.parse("2026-12-10T15:00:00Z"));
        Invoice kettles = paidKettles(
                crm,
                crm.parties()
                        .contact(agnieszka.id())
                        .accountsOn(LocalDate.of(2026, 12, 10))
                        .get(0));
        Money margin = kettles.lines().stream()
                .map(line -> line.net().minus(line.cost().orElse(Money.zero(kettles.currency()))))
                .reduce(Money.zero(kettles.currency()), Money::plus);
        List<CampaignReturn> returns = sends.returns(
                List.of(Conversion.paidInvoice(
                        crm.billing().invoice(kettles.id()).orElseThrow(), agnieszka.id(), clock.instant(), margin)),
                AttributionModel.LINEAR,
                Duration.ofDays(30));
        returns.forEach(credited -> out.println("  Winter sale: " + credited.conversions() + " conversion, revenue "
                + credited.revenue().amount() + ", margin " + credited.margin().amount() + ", cost "
                + credited.actualCost().amount() + " " + credited.revenue().currencyCode() + ", ROI "
                + credited.roi().map(BigDecimal::toPlainString).orElse("none")));
    }

    private static Contact newContact(Crm crm, UserId owner, String first, String last, String email) {
        return crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, last), owner)
                        .withDetails(new ContactDetails(Locale.forLanguageTag("pl"), null, ZoneId.of("Europe/Warsaw")))
                        .withEmail(EmailAddress.of(email), ContactPointType.HOME));
    }

    /** Two kettles at 80.00 that cost the shop 50.00 each, invoiced and paid the same day. */
    private static Invoice paidKettles(Crm crm, AccountId account) {
        LocalDate today = LocalDate.of(2026, 12, 10);
        Invoice invoice = crm.billing()
                .issueInvoice(
                        NewInvoice.of("W-2026-0001", account, today, today.plusDays(14), Currency.getInstance("EUR"))
                                .withLine(InvoiceLine.of("Kettle", "2", Money.of("80.00", "EUR"), "0")
                                        .withProduct("KETTLE")
                                        .withUnitCost(Money.of("50.00", "EUR"))));
        crm.billing()
                .recordPayment(new NewPayment(
                        account,
                        invoice.total(),
                        today,
                        PaymentMethod.CARD,
                        invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), invoice.total()))));
        return invoice;
    }
}
