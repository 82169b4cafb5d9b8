package org.crmkit.examples;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.Upserted;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCluster;
import org.crmkit.core.duplicate.DuplicatePair;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.Transactions;
import org.crmkit.csv.ContactField;
import org.crmkit.csv.CsvImport;
import org.crmkit.csv.CsvMapping;
import org.crmkit.csv.ImportMode;
import org.crmkit.csv.ImportSummary;
import org.crmkit.csv.RowOutcome;
import org.crmkit.csv.RowResult;

/**
 * An ERP's nightly sync into crmkit (see docs/syncing-with-your-erp.md): customers, contacts, invoices and payments
 * upserted by the ERP's keys, twice, the second night changing nothing; a duplicate scan that finds the contact a
 * salesperson typed in again; and a CSV file from a trade fair checked in a dry run, with its errors by row and
 * column.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.ErpSyncExample}
 */
public final class ErpSyncExample {

    private static final Currency EUR = Currency.getInstance("EUR");

    private ErpSyncExample() {}

    public static void main(String[] args) {
        InMemoryStorage storage = InMemoryStorage.create();
        run(Crm.builder().storage(storage).clock(Clock.systemUTC()).build(), storage.transactions(), System.out);
    }

    static void run(Crm crm, Transactions transactions, PrintStream out) {
        UserId owner = UserId.next(new IdGenerator(crm.clock()));
        LocalDate today = LocalDate.now(crm.clock());

        out.println("Night 1: " + nightlySync(crm, owner, today));
        out.println("Night 2: " + nightlySync(crm, owner, today));

        crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner)
                        .withEmail(EmailAddress.of("KIM.BERG@acme.example"), ContactPointType.WORK));
        List<DuplicateCluster> clusters = crm.duplicates().scanContacts().clusters();
        out.println("Duplicate scan: " + clusters.size() + " cluster(s)");
        for (DuplicateCluster cluster : clusters) {
            for (DuplicatePair pair : cluster.pairs()) {
                out.println("  " + name(crm, pair.first().id()) + " ~ "
                        + name(crm, pair.second().id()) + ", score "
                        + pair.score() + " on "
                        + pair.matches().stream()
                                .map(match -> match.kind() + " " + match.value())
                                .collect(Collectors.joining(", ")));
            }
        }

        CsvMapping<ContactField> mapping = CsvMapping.forContacts(owner)
                .externalSystem("fair")
                .column("Badge", ContactField.EXTERNAL_KEY)
                .column("First name", ContactField.FIRST_NAME)
                .column("Last name", ContactField.LAST_NAME)
                .column("E-mail", ContactField.EMAIL)
                .column("Street", ContactField.STREET)
                .column("Postcode", ContactField.POSTCODE)
                .column("City", ContactField.CITY)
                .column("Country", ContactField.COUNTRY);
        String fair = "Badge,First name,Last name,E-mail,Street,Postcode,City,Country\n"
                + "B-1,Lou,Meyer,lou@initech.example,Hafenstr. 3,20457,Hamburg,DE\n"
                + "B-2,Kim,Berg,kim.berg@acme.example,,,,\n"
                + "B-3,Sam,Lee,sam@@initech,,,,\n"
                + "B-4,Ola,Nordmann,ola@example.no,Karl Johans gate 1,0154,Oslo,XX\n";
        out.println("Trade fair CSV, dry run:");
        ImportSummary summary = CsvImport.of(crm, transactions)
                .importContacts(
                        new ByteArrayInputStream(fair.getBytes(StandardCharsets.UTF_8)),
                        mapping,
                        ImportMode.DRY_RUN,
                        row -> out.println("  " + describe(crm, row)));
        out.println("  kept: " + summary.kept() + ", contacts stored: "
                + crm.parties().contactsAfter(null, 1000).size());
    }

    /** One night of the ERP's data: two customers with a contact each, an invoice and its payment. */
    private static String nightlySync(Crm crm, UserId owner, LocalDate today) {
        Map<Upserted.Outcome, Integer> outcomes = new EnumMap<>(Upserted.Outcome.class);
        Account acme = count(
                        outcomes,
                        crm.parties()
                                .upsertAccount(
                                        ExternalRef.of("erp", "C-10045"),
                                        NewAccount.of("ACME Maschinenbau GmbH", owner)
                                                .withAddress(
                                                        PostalAddress.of("Industriestr. 7", "70565", "Stuttgart", "DE"),
                                                        ContactPointType.BILLING)))
                .record();
        count(
                outcomes,
                crm.parties().upsertAccount(ExternalRef.of("erp", "C-10046"), NewAccount.of("Initech AG", owner)));
        count(
                outcomes,
                crm.parties()
                        .upsertContact(
                                ExternalRef.of("erp", "P-501"),
                                NewContact.of(PersonName.of("Kim", "Berg"), owner)
                                        .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK)
                                        .withPhone(PhoneNumber.parse("+49 711 123456"), ContactPointType.WORK)));
        Invoice invoice = count(
                        outcomes,
                        crm.billing().recordInvoice(ExternalRef.of("erp", "R-2026-0042"), invoice(acme.id(), today)))
                .record();
        count(
                outcomes,
                crm.billing()
                        .recordPayment(
                                ExternalRef.of("bank", "2026-0042/1"),
                                NewPayment.of(acme.id(), Money.of("500.00", "EUR"), today, PaymentMethod.BANK_TRANSFER)
                                        .allocating(invoice.id(), Money.of("500.00", "EUR"))));
        return outcomes.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    private static NewInvoice invoice(AccountId account, LocalDate today) {
        return NewInvoice.of("2026-0042", account, today, today.plusDays(30), EUR)
                .withLine(InvoiceLine.of("Press maintenance", "2", Money.of("450.00", "EUR"), "19"));
    }

    private static <T> Upserted<T> count(Map<Upserted.Outcome, Integer> outcomes, Upserted<T> upserted) {
        outcomes.merge(upserted.outcome(), 1, Integer::sum);
        return upserted;
    }

    private static String name(Crm crm, UUID contact) {
        Contact found = crm.parties().contact(ContactId.of(contact));
        return found.name().fullName() + " <"
                + found.contactPoints().emails().get(0).value().value() + ">";
    }

    private static String describe(Crm crm, RowResult row) {
        String text = "row " + row.row() + ": " + row.outcome();
        if (row.outcome() == RowOutcome.POSSIBLE_DUPLICATE) {
            text += " of "
                    + row.candidates().stream()
                            .map(c -> name(crm, c.record().id()) + " (score " + c.score() + ")")
                            .collect(Collectors.joining(", "));
        }
        if (!row.errors().isEmpty()) {
            text += " "
                    + row.errors().stream()
                            .map(e -> "column '" + e.column() + "': " + e.reason())
                            .collect(Collectors.joining("; "));
        }
        return text;
    }
}
