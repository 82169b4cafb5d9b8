package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user with more shared records than {@link VisibleRows} binds as a list: the condition reads the shared ids in a
 * subquery instead, with the same answer.
 */
class ManySharesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    @Test
    void moreSharedRecordsThanALongListAreStillAllVisible() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        IdGenerator ids = new IdGenerator(clock);
        JpaStorage storage = database.storage(clock);
        User viewer = AccessMother.aUser(TENANT, ids, clock, "viewer");
        List<Contact> shared = new ArrayList<>();
        for (int i = 0; i <= VisibleRows.MOST_SHARED_IDS; i++) {
            shared.add(Contact.register(
                    TENANT,
                    ContactId.next(ids),
                    NewContact.of(PersonName.of("Ann", "Shared"), UserId.next(ids)),
                    clock));
        }
        Contact hidden = Contact.register(
                TENANT, ContactId.next(ids), NewContact.of(PersonName.of("Ann", "Hidden"), UserId.next(ids)), clock);
        storage.transactions().inTransaction(() -> {
            storage.contacts().saveAll(shared);
            storage.contacts().save(hidden);
            shared.forEach(contact -> storage.shares()
                    .save(RecordShare.withUser(
                            TENANT, RecordRef.contact(contact.id()), viewer.id(), ShareAccess.READ)));
            return null;
        });

        var visible = storage.contacts().visibleTo(Visibility.of(viewer, List.of(), List.of()));

        assertThat(visible.findAll(TENANT, PageRequest.first(20)).totalElements())
                .isEqualTo(VisibleRows.MOST_SHARED_IDS + 1);
        assertThat(visible.findById(TENANT, hidden.id())).isEmpty();
        assertThat(visible.findById(
                        TENANT, shared.get(VisibleRows.MOST_SHARED_IDS).id()))
                .isPresent();
    }
}
