package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.OutboxContract;
import org.crmkit.testkit.SampleEvent;
import org.crmkit.testkit.SettableClock;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxOnPostgresTest extends OutboxContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    private List<DomainEvent> events(int count) {
        return java.util.stream.IntStream.range(0, count)
                .<DomainEvent>mapToObj(i -> new SampleEvent(TENANT_A, ids.next(), clock.instant(), "event " + i))
                .toList();
    }

    @Test
    void theEventsOfATransactionAreNumberedByTheDatabaseAndInsertedInBatches() {
        Statistics statistics = database.statistics();
        statistics.clear();

        storage.transactions().inTransaction(() -> storage.outbox().append(events(120)));

        // the numbers in one statement, the rows in one JDBC batch
        assertThat(statistics.getPrepareStatementCount())
                .as("statements to append 120 events")
                .isEqualTo(2);
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().pending(200)))
                .extracting(OutboxEntry::sequence)
                .hasSize(120)
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void eventsReadInTheTransactionThatAppendedThemCarryTheirNumbers() {
        List<OutboxEntry> read = storage.transactions().inTransaction(() -> {
            storage.outbox().append(events(3));
            return storage.outbox().pending(10);
        });

        assertThat(read)
                .extracting(OutboxEntry::sequence)
                .hasSize(3)
                .isSorted()
                .doesNotHaveDuplicates()
                .allSatisfy(sequence -> assertThat(sequence).isPositive());
    }
}
