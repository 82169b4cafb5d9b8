package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.ContactMother;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the contact table looks like in PostgreSQL, and what reading it costs. */
class ContactTableTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    private Statistics statistics() {
        return database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
    }

    @Test
    void aPageOfContactsIsReadInTwoStatementsWhateverItsSize() {
        UserId owner = UserId.next(ids);
        storage.transactions()
                .inTransaction(() -> storage.contacts()
                        .saveAll(IntStream.range(0, 60)
                                .mapToObj(i -> ContactMother.aContact(
                                        TENANT, ids, clock, "First" + i, "Last" + (1000 + i), owner))
                                .toList()));
        statistics().clear();

        Page<Contact> page = storage.contacts().findByOwner(TENANT, owner, PageRequest.of(1, 25));

        assertThat(page.items()).hasSize(25);
        assertThat(page.items().get(0).name().lastName()).isEqualTo("Last1025");
        assertThat(page.totalElements()).isEqualTo(60);
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(2);
    }

    /*
     * A lookup by a key that few records share reads the key index, then the rows by primary key: two statements
     * whose plans do not depend on the tables' statistics. As one statement (the rows whose id is among the key's
     * records), PostgreSQL planned a read of the tenant's rows with a probe of the keys of each on tables filled
     * since their last ANALYZE: an initial import of 20,000 contacts made about 400 lookups of 20-120 ms each in its
     * first three minutes, until autovacuum analysed the tables.
     */
    @Test
    void aLookupByEmailReadsTheKeysThenTheRowsByPrimaryKey() {
        Contact ada = storage.transactions()
                .inTransaction(() -> storage.contacts().save(ContactMother.aContact(TENANT, ids, clock)));
        statistics().clear();

        List<Contact> found = storage.contacts()
                .findByEmail(TENANT, ada.contactPoints().emails().get(0).value());

        assertThat(found).extracting(Contact::id).containsExactly(ada.id());
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void aLookupByExternalReferenceReadsTheKeysThenTheRowsByPrimaryKey() {
        Contact ada = storage.transactions()
                .inTransaction(() -> storage.contacts().save(ContactMother.aContact(TENANT, ids, clock)));
        statistics().clear();

        Optional<Contact> found =
                storage.contacts().findByExternalRef(TENANT, ada.externalRefs().get(0));

        assertThat(found).map(Contact::id).contains(ada.id());
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void aLookupThatFindsNoKeyIsOneStatement() {
        storage.transactions().inTransaction(() -> storage.contacts().save(ContactMother.aContact(TENANT, ids, clock)));
        statistics().clear();

        Optional<Contact> found = storage.contacts().findByExternalRef(TENANT, ExternalRef.of("erp", "nobody"));

        assertThat(found).isEmpty();
        assertThat(statistics().getPrepareStatementCount()).isEqualTo(1);
    }

    @Test
    void aContactIsOneRowWithItsVersionAndItsStateAsJsonbPlusOneLookupRowPerKey() {
        Contact ada = ContactMother.aContact(TENANT, ids, clock);
        storage.transactions().inTransaction(() -> storage.contacts().save(ada));

        assertThat(database.count("select version from crm_contact where id = '" + ada.id() + "'"))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from crm_contact where jsonb_typeof(document) = 'object'"
                        + " and document -> 'name' ->> 'lastName' = 'King'"))
                .isEqualTo(1);
        // two emails, one phone, two tags, one account link, one external reference
        assertThat(database.count("select count(*) from crm_lookup where record_id = '" + ada.id() + "'"))
                .isEqualTo(7);
    }

    @Test
    void importingAContactWhoseIdIsTakenIsRefusedAsADuplicateAndStoresNothingOfTheBatch() {
        Contact ada = ContactMother.aContact(TENANT, ids, clock);
        storage.transactions().inTransaction(() -> storage.contacts().save(ada));
        Contact other = ContactMother.aContact(TENANT, ids, clock, "Grace", "Hopper", UserId.next(ids));
        ContactState grace = ContactMother.aContact(TENANT, ids, clock, "Grace", "Hopper", UserId.next(ids))
                .state();
        Contact copy = Contact.restore(new ContactState(
                TENANT,
                ada.id(),
                0,
                grace.name(),
                grace.details(),
                grace.contactPoints(),
                grace.tags(),
                grace.customFields(),
                grace.owner(),
                null,
                null,
                List.of(),
                List.of(),
                grace.registeredAt(),
                List.of()));

        assertThatThrownBy(() -> storage.transactions()
                        .inTransaction(() -> storage.contacts().saveAll(List.of(other, copy))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("Contact");

        assertThat(database.count("select count(*) from crm_contact")).isEqualTo(1);
        assertThat(storage.contacts().findById(TENANT, other.id())).isEmpty();
    }
}
