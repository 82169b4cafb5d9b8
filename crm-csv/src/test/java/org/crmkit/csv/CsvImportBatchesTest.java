package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Transactions;
import org.junit.jupiter.api.Test;

/**
 * {@link ImportMode#STORE_GOOD_ROWS} stores rows in batches sharing a transaction; a batch the database refuses is
 * rolled back and stored again row by row, so every good row is stored once and reported once.
 */
class CsvImportBatchesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final CountingTransactions transactions = new CountingTransactions(storage.transactions());
    private final CsvMapping<ContactField> mapping = CsvMapping.forContacts(UserId.of(new UUID(7, 7)))
            .externalSystem("erp")
            .column("Key", ContactField.EXTERNAL_KEY)
            .column("Last name", ContactField.LAST_NAME)
            .column("E-mail", ContactField.EMAIL);

    /** The storage's transactions, counting the importer's own and failing the commit of the ones it is told to. */
    private static final class CountingTransactions implements Transactions {
        private final Transactions storage;
        int started;
        int failCommitOf;

        CountingTransactions(Transactions storage) {
            this.storage = storage;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            int number = ++started;
            return storage.inTransaction(() -> {
                T result = work.get();
                if (number == failCommitOf) {
                    throw new StorageException("the database refused the commit", new IllegalStateException());
                }
                return result;
            });
        }

        @Override
        public boolean isActive() {
            return storage.isActive();
        }

        @Override
        public void afterCommit(Runnable action) {
            storage.afterCommit(action);
        }

        @Override
        public void afterCommitOnce(Object key, Runnable action) {
            storage.afterCommitOnce(key, action);
        }
    }

    /** {@code rows} rows K-1, K-2, ...; the row of {@code badKey} has an invalid e-mail. */
    private static ByteArrayInputStream file(int rows, int badKey) {
        String body = IntStream.rangeClosed(1, rows)
                .mapToObj(i -> "K-" + i + ",Name" + i + "," + (i == badKey ? "not-an-email" : "p" + i + "@example.com"))
                .collect(Collectors.joining("\n", "Key,Last name,E-mail\n", "\n"));
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private long storedContacts() {
        return storage.contacts()
                .findAll(TenantId.DEFAULT, PageRequest.first(1))
                .totalElements();
    }

    @Test
    void goodRowsAreStoredInBatchesOfTheGivenSizeAndReportedInRowOrder() {
        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = CsvImport.of(crm, transactions)
                .batchSize(200)
                .importContacts(file(450, 300), mapping, ImportMode.STORE_GOOD_ROWS, rows::add);

        assertThat(transactions.started).isEqualTo(3);
        assertThat(summary.rows()).isEqualTo(450);
        assertThat(summary.count(RowOutcome.CREATED)).isEqualTo(449);
        assertThat(summary.count(RowOutcome.ERROR)).isEqualTo(1);
        assertThat(rows)
                .extracting(RowResult::row)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(2, 451).boxed().toList());
        assertThat(rows.get(299).errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(301);
            assertThat(error.column()).isEqualTo("E-mail");
        });
        assertThat(storedContacts()).isEqualTo(449);
    }

    @Test
    void aBatchTheDatabaseRefusesIsRolledBackAndStoredAgainRowByRow() {
        transactions.failCommitOf = 2;
        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = CsvImport.of(crm, transactions)
                .batchSize(200)
                .importContacts(file(450, 0), mapping, ImportMode.STORE_GOOD_ROWS, rows::add);

        assertThat(summary.count(RowOutcome.CREATED)).isEqualTo(450);
        assertThat(rows).hasSize(450).extracting(RowResult::outcome).containsOnly(RowOutcome.CREATED);
        assertThat(rows).extracting(RowResult::record).doesNotHaveDuplicates();
        assertThat(storedContacts()).isEqualTo(450);
    }

    @Test
    void rowsSentAgainAfterARefusedBatchAreUnchanged() {
        transactions.failCommitOf = 1;
        CsvImport imports = CsvImport.of(crm, transactions).batchSize(50);
        imports.importContacts(file(120, 0), mapping, ImportMode.STORE_GOOD_ROWS, row -> {});

        ImportSummary again = imports.importContacts(file(120, 0), mapping, ImportMode.STORE_GOOD_ROWS, row -> {});

        assertThat(again.count(RowOutcome.UNCHANGED)).isEqualTo(120);
        assertThat(storedContacts()).isEqualTo(120);
    }

    @Test
    void aBatchSizeOutsideItsRangeIsRefusedNamingIt() {
        CsvImport imports = CsvImport.of(crm, transactions);

        assertThatThrownBy(() -> imports.batchSize(0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("batchSize")
                .hasMessageContaining("must be 1 to 10000, not 0");
        assertThatThrownBy(() -> imports.batchSize(10_001)).hasMessageContaining("not 10001");
    }
}
