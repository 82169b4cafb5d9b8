package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactRepository} must do: storing, versions, deletion, tenants and concurrent writers here, the
 * finders in the contract it extends. Extend it and supply the storage.
 */
public abstract class ContactRepositoryContract extends ContactQueryContract {

    @Test
    void aSavedContactComesBackWithEveryFieldAndTheNextVersion() {
        Contact contact = ContactMother.aContact(TENANT_A, ids, clock);

        Contact saved = save(contact);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(contacts().findById(TENANT_A, contact.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(contact.state().withVersion(1)));
    }

    @Test
    void contactsAreReadTogetherByTheirIdsOfTheTenantOnly() {
        List<Contact> batch = savedOfTenantA(130);
        Contact otherTenants = save(ContactMother.aContact(TENANT_B, ids, clock));
        List<ContactId> wanted = new ArrayList<>(batch.stream().map(Contact::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(ContactId.next(ids));
        wanted.add(batch.get(0).id());

        List<Contact> found = contacts().findByIds(TENANT_A, wanted);

        assertThat(found)
                .hasSize(130)
                .extracting(Contact::id)
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(Contact::id).toList());
        assertThat(found)
                .filteredOn(contact -> contact.id().equals(batch.get(5).id()))
                .singleElement()
                .satisfies(contact -> assertThat(contact.state())
                        .isEqualTo(batch.get(5).state().withVersion(1)));
        assertThat(contacts().findByIds(TENANT_B, wanted))
                .extracting(Contact::id)
                .containsExactly(otherTenants.id());
        assertThat(contacts().findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void theIdsOfContactsThatExistAreFoundAmongManyForTheTenantOnly() {
        List<Contact> batch = savedOfTenantA(130);
        Contact otherTenants = save(ContactMother.aContact(TENANT_B, ids, clock));
        Contact deleted = batch.get(7);
        inTransaction(() -> contacts().delete(TENANT_A, deleted.id(), 1));
        ContactId neverStored = ContactId.next(ids);
        List<ContactId> wanted = new ArrayList<>(batch.stream().map(Contact::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(neverStored);
        wanted.add(batch.get(0).id());

        assertThat(contacts().existingIds(TENANT_A, wanted))
                .hasSize(129)
                .containsExactlyInAnyOrderElementsOf(batch.stream()
                        .map(Contact::id)
                        .filter(id -> !id.equals(deleted.id()))
                        .toList());
        assertThat(contacts().existingIds(TENANT_B, wanted)).containsExactly(otherTenants.id());
        assertThat(contacts().existingIds(TENANT_A, List.of(neverStored, deleted.id())))
                .isEmpty();
        assertThat(contacts().existingIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void aChangeIsStoredWithTheNextVersion() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        saved.tag("changed", clock);

        Contact again = save(saved);

        assertThat(again.version()).isEqualTo(2);
        assertThat(contacts()
                        .findById(TENANT_A, saved.id())
                        .orElseThrow()
                        .tags()
                        .has("changed"))
                .isTrue();
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        Contact first = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        Contact second = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        first.tag("first", clock);
        second.tag("second", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(contacts()
                        .findById(TENANT_A, saved.id())
                        .orElseThrow()
                        .tags()
                        .has("second"))
                .isFalse();
    }

    @Test
    void deletingNeedsTheCurrentVersion() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));

        assertThatThrownBy(() -> inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 0)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 1)))
                .isTrue();
        assertThat(contacts().findById(TENANT_A, saved.id())).isEmpty();
        assertThat(contacts().findByEmail(TENANT_A, EmailAddress.of("ada.king@example.com")))
                .isEmpty();
        assertThat(inTransaction(() -> contacts().delete(TENANT_A, saved.id(), 1)))
                .isFalse();
    }

    @Test
    void saveAllStoresEveryContact() {
        UserId owner = UserId.next(ids);

        List<Contact> saved =
                inTransaction(() -> contacts().saveAll(List.of(named("A", "One", owner), named("B", "Two", owner))));

        assertThat(saved).extracting(Contact::version).containsExactly(1L, 1L);
        assertThat(contacts()
                        .findByOwner(TENANT_A, owner, PageRequest.first(10))
                        .totalElements())
                .isEqualTo(2);
    }

    @Test
    void aContactOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        Contact foreign = Contact.restore(new ContactState(
                TENANT_B,
                saved.id(),
                saved.version(),
                saved.name(),
                saved.details(),
                saved.contactPoints(),
                saved.tags(),
                saved.customFields(),
                saved.owner(),
                null,
                null,
                saved.consents(),
                saved.affiliations(),
                saved.registeredAt(),
                saved.externalRefs()));

        assertThat(contacts().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(contacts().findByEmail(TENANT_B, EmailAddress.of("ada.king@example.com")))
                .isEmpty();
        assertThat(contacts().findByPhone(TENANT_B, PhoneNumber.parse("+44 20 7946 0958")))
                .isEmpty();
        assertThat(contacts()
                        .findByOwner(TENANT_B, saved.owner(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(contacts().findAll(TENANT_B, PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(inTransaction(() -> contacts().delete(TENANT_B, saved.id(), 1)))
                .isFalse();
        assertThat(contacts().findById(TENANT_A, saved.id()))
                .hasValueSatisfying(found -> assertThat(found.version()).isEqualTo(1));
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Contact saved = save(ContactMother.aContact(TENANT_A, ids, clock));
        int writers = 4;
        List<Callable<Void>> tasks = IntStream.range(0, writers)
                .<Callable<Void>>mapToObj(i -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Contact contact = contacts()
                                        .findById(TENANT_A, saved.id())
                                        .orElseThrow();
                                contact.tag("writer-" + i, clock);
                                return contacts().save(contact);
                            });
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Contact result = contacts().findById(TENANT_A, saved.id()).orElseThrow();
        assertThat(result.version()).isEqualTo(1 + writers);
        assertThat(result.tags().hasAll(List.of("writer-0", "writer-1", "writer-2", "writer-3")))
                .isTrue();
    }
}
