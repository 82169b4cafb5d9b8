package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 14 on a database upgraded from an earlier crmkit: contacts stored before it get their territory as a query
 * column from their documents, so that a member of the territory sees them.
 */
abstract class ContactTerritoryUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");

    /** Schema 32's reader views, which read the share table and the territory column, dependants first. */
    private static final List<String> SCHEMA_32_VIEWS = List.of(
            "crm_report_activity_reader",
            "crm_report_task_reader",
            "crm_report_case_reader",
            "crm_report_payment_reader",
            "crm_report_invoice_reader",
            "crm_report_opportunity_reader",
            "crm_report_lead_reader",
            "crm_report_account_reader",
            "crm_report_contact_reader",
            "crm_report_grantee_reader",
            "crm_report_owner_reader",
            "crm_report_active_user",
            "crm_report_manager",
            "crm_report_territory_member",
            "crm_report_team_member",
            "crm_report_team");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStorage() {
        storage = database().storage(clock);
    }

    @Test
    void contactsStoredBeforeSchema14AreSeenByTheMembersOfTheirTerritory() {
        User member = AccessMother.aUser(TENANT, ids, clock, "member");
        Territory territory = AccessMother.aTerritory(TENANT, ids, clock, "North", 1, member.id());
        Contact inTerritory = save("Inside", territory.id());
        save("Outside", TerritoryId.next(ids));
        save("Nowhere", null);
        SCHEMA_32_VIEWS.forEach(view -> database().execute("drop view " + view));
        database().execute("drop index crm_contact_by_territory");
        database().execute("drop index crm_contact_by_territory_in_id_order");
        database().execute("drop table crm_record_share");
        database().execute("alter table crm_contact drop column territory_id");

        database().migrateAgain(14);
        database().migrateAgain(32);

        assertThat(storage.contacts()
                        .visibleTo(Visibility.of(member, List.of(), List.of(territory)))
                        .findAll(TENANT, PageRequest.first(10))
                        .items())
                .extracting(Contact::id)
                .containsExactly(inTerritory.id());
    }

    private Contact save(String lastName, TerritoryId territory) {
        NewContact contact = NewContact.of(PersonName.of("Ann", lastName), UserId.next(ids));
        Contact registered = Contact.register(
                TENANT, ContactId.next(ids), territory == null ? contact : contact.withTerritory(territory), clock);
        return storage.transactions().inTransaction(() -> storage.contacts().save(registered));
    }
}
