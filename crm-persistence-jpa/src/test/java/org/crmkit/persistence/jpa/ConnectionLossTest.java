package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.testkit.SampleEvent;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database connection dies in the middle of a transaction (PostgreSQL's pg_terminate_backend). */
class ConnectionLossTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    private SampleEvent event(String note) {
        return new SampleEvent(TenantId.of("tenant-a"), ids.next(), clock.instant(), note);
    }

    private JpaTransactions transactions() {
        return (JpaTransactions) storage.transactions();
    }

    @Test
    void aKilledConnectionLeavesNothingHalfWrittenAndTheWorkCanBeRetried() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.outbox().append(List.of(event("first half")));
                    Object backend = transactions()
                            .withEntityManager(entityManager -> entityManager
                                    .createNativeQuery("select pg_backend_pid()")
                                    .getSingleResult());
                    database.execute("select pg_terminate_backend(" + backend + ")");
                    storage.outbox().append(List.of(event("second half")));
                }))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("connection to the database was lost")
                .satisfies(failure ->
                        assertThat(((StorageException) failure).errorCode()).isEqualTo(ErrorCode.STORAGE_FAILURE));

        assertThat(database.count("select count(*) from crm_outbox")).isZero();

        storage.transactions()
                .inTransaction(() -> storage.outbox().append(List.of(event("first half"), event("second half"))));

        assertThat(storage.transactions().inTransaction(() -> storage.outbox().pending(10)))
                .extracting(OutboxEntry::event)
                .extracting(event -> ((SampleEvent) event).note())
                .containsExactly("first half", "second half");
    }

    @Test
    void aContactSavedBeforeTheConnectionDiedIsNotStoredNorAreItsLookupKeysOrEvents() {
        Contact ada = ContactMother.aContact(TenantId.of("tenant-a"), ids, clock);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.contacts().save(ada);
                    storage.outbox().append(ada.pendingEvents());
                    Object backend = transactions()
                            .withEntityManager(entityManager -> entityManager
                                    .createNativeQuery("select pg_backend_pid()")
                                    .getSingleResult());
                    database.execute("select pg_terminate_backend(" + backend + ")");
                    return storage.contacts().findByEmail(TenantId.of("tenant-a"), EmailAddress.of("ada@home.example"));
                }))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("can be retried");

        assertThat(database.count("select count(*) from crm_contact")).isZero();
        assertThat(database.count("select count(*) from crm_lookup")).isZero();
        assertThat(database.count("select count(*) from crm_outbox")).isZero();

        Contact saved = storage.transactions().inTransaction(() -> {
            storage.outbox().append(ada.pendingEvents());
            return storage.contacts().save(ada);
        });

        assertThat(saved.version()).isEqualTo(1);
        assertThat(storage.contacts().findByEmail(TenantId.of("tenant-a"), EmailAddress.of("ada@home.example")))
                .extracting(Contact::id)
                .containsExactly(ada.id());
    }
}
