package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountRegistered;
import org.crmkit.core.party.NewAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * The starter in a whole Spring Boot application on a real PostgreSQL (embedded): crmkit's schema beside the
 * application's own migrations, crmkit's writes inside the application's Spring transactions, and its events after
 * their commit.
 */
@SpringBootTest(
        classes = CrmkitOnPostgresTest.Application.class,
        properties = {"spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.open-in-view=false"})
class CrmkitOnPostgresTest {

    private static final EmbeddedPostgres POSTGRES = start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        properties.add("spring.datasource.username", () -> "postgres");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        Orders orders(Crm crm, JdbcTemplate jdbc, ReceivedEvents events) {
            return new Orders(crm, jdbc, events);
        }

        @Bean
        ReceivedEvents receivedEvents() {
            return new ReceivedEvents();
        }
    }

    /** A service of the application that writes its own table and crmkit's in one Spring transaction. */
    static class Orders {
        private final Crm crm;
        private final JdbcTemplate jdbc;
        private final ReceivedEvents events;

        Orders(Crm crm, JdbcTemplate jdbc, ReceivedEvents events) {
            this.crm = crm;
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public Account firstOrder(long orderId, String customer, User owner, boolean fails) {
            Account account = crm.parties().registerAccount(NewAccount.of(customer, owner.id()));
            jdbc.update(
                    "insert into app_order (id, account_id) values (?, ?)",
                    orderId,
                    account.id().value());
            events.seenInsideTheTransaction.add(events.received.size());
            if (fails) {
                throw new IllegalStateException("the order is refused after crmkit stored the account");
            }
            return account;
        }
    }

    static class ReceivedEvents {
        final List<AccountRegistered> received = new CopyOnWriteArrayList<>();
        /** How many events the application had received, seen from inside its transaction. */
        final List<Integer> seenInsideTheTransaction = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AccountRegistered event) {
            received.add(event);
        }
    }

    @Autowired
    Crm crm;

    @Autowired
    Orders orders;

    @Autowired
    ReceivedEvents events;

    @Autowired
    JdbcTemplate jdbc;

    private User owner;

    @BeforeEach
    void owner() {
        owner = crm.access().registerUser("Ada Sales", EmailAddress.of(UUID.randomUUID() + "@example.com"), List.of());
        events.received.clear();
        events.seenInsideTheTransaction.clear();
    }

    @Test
    void crmkitsSchemaHasItsOwnHistoryBesideTheApplicationsMigrations() {
        assertThat(jdbc.queryForList("select script from flyway_schema_history where success", String.class))
                .containsExactly("V1__app_order.sql");
        assertThat(jdbc.queryForList("select version from crmkit_schema_history where success", String.class))
                .contains("1", "2", "13")
                .allMatch(version -> version.matches("\\d+"));
    }

    @Test
    void crmkitsWritesCommitWithTheApplicationsTransactionAndItsEventsFollowTheCommit() {
        Account acme = orders.firstOrder(1, "ACME GmbH", owner, false);

        assertThat(events.seenInsideTheTransaction).containsExactly(0);
        assertThat(events.received)
                .extracting(AccountRegistered::aggregateId)
                .containsExactly(acme.id().value());
        assertThat(crm.parties().account(acme.id()).name()).isEqualTo("ACME GmbH");
        assertThat(jdbc.queryForObject("select account_id from app_order where id = 1", UUID.class))
                .isEqualTo(acme.id().value());
        // the relay marked the events published in a transaction of its own after Spring's commit
        assertThat(crm.publishPendingEvents()).isZero();
        assertThat(events.received).hasSize(1);
    }

    @Test
    void aRolledBackApplicationTransactionTakesCrmkitsWritesAndEventsWithIt() {
        Integer accountsBefore = jdbc.queryForObject("select count(*) from crm_account", Integer.class);

        assertThatThrownBy(() -> orders.firstOrder(2, "Refused GmbH", owner, true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("select count(*) from crm_account", Integer.class))
                .isEqualTo(accountsBefore);
        assertThat(jdbc.queryForObject("select count(*) from app_order where id = 2", Integer.class))
                .isZero();
        assertThat(crm.publishPendingEvents()).isZero();
        assertThat(events.received).isEmpty();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }
}
