package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.BillingMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Importing many contacts or invoices on PostgreSQL: JDBC batches of 50, not one statement per row. */
class BulkImportTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final int RECORDS = 1_000;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    @Test
    void aThousandContactsWithTheirLookupKeysAreWrittenInBatches() {
        UserId owner = UserId.next(ids);
        List<Contact> contacts = IntStream.range(0, RECORDS)
                .mapToObj(i -> ContactMother.aContact(TENANT, ids, clock, "First" + i, "Last" + i, owner))
                .toList();
        long rows = RECORDS
                + contacts.stream()
                        .mapToLong(contact -> contact.contactPoints().emails().size()
                                + contact.contactPoints().phones().size()
                                + contact.tags().values().size()
                                + contact.affiliations().size())
                        .sum();
        database.statistics().clear();

        storage.transactions().inTransaction(() -> storage.contacts().saveAll(contacts));

        assertThat(database.statistics().getPrepareStatementCount()).isLessThanOrEqualTo(rows / 50 + 10);
        assertThat(storage.contacts()
                        .findByOwner(TENANT, owner, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(RECORDS);
        assertThat(database.count("select count(*) from crm_lookup")).isEqualTo(rows - RECORDS);
    }

    @Test
    void aThousandInvoicesAreCheckedForTakenNumbersOnceAndWrittenInBatches() {
        AccountId account = AccountId.next(ids);
        List<Invoice> invoices = IntStream.range(0, RECORDS)
                .mapToObj(i -> BillingMother.anInvoice(
                        TENANT,
                        ids,
                        clock,
                        account,
                        "INV-" + i,
                        LocalDate.of(2026, 4, 1).plusDays(i % 30),
                        "100.00"))
                .toList();
        database.statistics().clear();

        List<Invoice> saved =
                storage.transactions().inTransaction(() -> storage.invoices().saveAll(invoices));

        assertThat(database.statistics().getPrepareStatementCount()).isLessThanOrEqualTo(RECORDS / 50 + 2);
        assertThat(saved).extracting(Invoice::number).first().isEqualTo("INV-0");
        assertThat(storage.invoices().findByNumber(TENANT, "INV-999"))
                .map(Invoice::id)
                .contains(invoices.get(999).id());
        assertThat(storage.invoices()
                        .findByAccount(TENANT, account, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(RECORDS);
    }
}
