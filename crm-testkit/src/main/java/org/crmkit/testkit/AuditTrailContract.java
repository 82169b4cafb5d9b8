package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.spi.ActorResolver;
import org.junit.jupiter.api.Test;

/**
 * What every {@link org.crmkit.core.spi.AuditTrail} adapter must do: entries of a record read back with every
 * field, newest first a page at a time with the right total, per tenant; writes join the transaction and roll back
 * with it; an erasure of values keeps who changed which field when, and is not repeated. And on top of it, what the
 * use cases write: an entry per changed field of the audited record types only, with the acting user.
 */
public abstract class AuditTrailContract extends StorageContract {

    private FieldChange entry(RecordRef record, String field, String oldValue, String newValue, Instant at) {
        return new FieldChange(TENANT_A, ids.next(), record, field, oldValue, newValue, "user-1", at, false);
    }

    private void record(FieldChange... changes) {
        storage.transactions().inTransaction(() -> {
            storage.auditTrail().record(List.of(changes));
            return null;
        });
    }

    private RecordRef aContact() {
        return RecordRef.contact(ContactId.next(ids));
    }

    @Test
    void entriesOfARecordReadBackNewestFirstWithEveryField() {
        RecordRef contact = aContact();
        Instant first = clock.instant();
        FieldChange older = entry(contact, "name", "Kim Berg", "Kim Lund", first);
        FieldChange newer = entry(contact, "tags", null, "vip", first.plusSeconds(60));
        record(older, newer, entry(aContact(), "name", null, "Other", first));

        Page<FieldChange> history = storage.auditTrail().history(TENANT_A, contact, PageRequest.first(10));

        assertThat(history.items()).containsExactly(newer, older);
        assertThat(history.totalElements()).isEqualTo(2);
        assertThat(storage.auditTrail()
                        .history(TENANT_B, contact, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void historyIsReadAPageAtATimeWithTheTotal() {
        RecordRef contact = aContact();
        for (int i = 0; i < 5; i++) {
            record(entry(contact, "field" + i, null, "v" + i, clock.instant().plusSeconds(i)));
        }

        Page<FieldChange> second = storage.auditTrail().history(TENANT_A, contact, PageRequest.of(1, 2));

        assertThat(second.items()).extracting(FieldChange::field).containsExactly("field2", "field1");
        assertThat(second.totalElements()).isEqualTo(5);
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void aRecordOutsideATransactionIsRefusedAndARollbackTakesItBack() {
        RecordRef contact = aContact();
        assertThatThrownBy(
                        () -> storage.auditTrail().record(List.of(entry(contact, "name", null, "x", clock.instant()))))
                .isInstanceOf(TransactionRequiredException.class);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.auditTrail().record(List.of(entry(contact, "name", null, "x", clock.instant())));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(storage.auditTrail()
                        .history(TENANT_A, contact, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void erasingValuesKeepsWhoChangedWhichFieldWhenAndIsNotRepeated() {
        RecordRef erased = aContact();
        RecordRef other = aContact();
        RecordRef untouched = aContact();
        record(
                entry(erased, "name", "Kim Berg", "Kim Lund", clock.instant()),
                entry(other, "summary", null, "Called KIM.LUND@example.org", clock.instant()),
                entry(untouched, "summary", null, "Called someone else", clock.instant()));

        int changed = storage.transactions()
                .inTransaction(() ->
                        storage.auditTrail().eraseValues(TENANT_A, List.of(erased), List.of("kim.lund@example.org")));
        int again = storage.transactions()
                .inTransaction(() ->
                        storage.auditTrail().eraseValues(TENANT_A, List.of(erased), List.of("kim.lund@example.org")));

        assertThat(changed).isEqualTo(2);
        assertThat(again).isZero();
        FieldChange kept = storage.auditTrail()
                .history(TENANT_A, erased, PageRequest.first(1))
                .items()
                .get(0);
        assertThat(kept.valuesErased()).isTrue();
        assertThat(kept.oldValue()).isNull();
        assertThat(kept.newValue()).isNull();
        assertThat(kept.field()).isEqualTo("name");
        assertThat(kept.changedBy()).isEqualTo("user-1");
        assertThat(storage.auditTrail()
                        .history(TENANT_A, other, PageRequest.first(1))
                        .items()
                        .get(0)
                        .valuesErased())
                .isTrue();
        assertThat(storage.auditTrail()
                        .history(TENANT_A, untouched, PageRequest.first(1))
                        .items()
                        .get(0)
                        .newValue())
                .isEqualTo("Called someone else");
    }

    @Test
    void anotherTenantsEntriesAreNotErased() {
        RecordRef contact = aContact();
        record(new FieldChange(TENANT_B, ids.next(), contact, "name", "Kim", "Kim Lund", "u", clock.instant(), false));

        int changed = storage.transactions()
                .inTransaction(() -> storage.auditTrail().eraseValues(TENANT_A, List.of(contact), List.of("Kim")));

        assertThat(changed).isZero();
        assertThat(storage.auditTrail()
                        .history(TENANT_B, contact, PageRequest.first(1))
                        .items()
                        .get(0)
                        .newValue())
                .isEqualTo("Kim Lund");
    }

    @Test
    void theUseCasesRecordEachChangedFieldOfAuditedRecordsWithTheActingUser() {
        Actor alex = Actor.of("alex", "Alex Agent");
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT_A)
                .actorResolver(ActorResolver.fixed(alex))
                .auditTrail(RecordType.CONTACT)
                .build();
        UserId owner = UserId.next(ids);
        Contact kim = crm.parties().registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner));
        clock.advance(Duration.ofMinutes(5));
        crm.parties().renameContact(kim.id(), PersonName.of("Kim", "Lund"));
        var acme = crm.parties().registerAccount(NewAccount.of("Acme", owner));

        List<FieldChange> history = crm.privacy()
                .auditTrail(RecordRef.contact(kim.id()), PageRequest.first(50))
                .items();

        assertThat(history.get(0).field()).isEqualTo("name");
        assertThat(history.get(0).oldValue()).contains("lastName=Berg");
        assertThat(history.get(0).newValue()).contains("lastName=Lund");
        assertThat(history.get(0).changedBy()).isEqualTo("alex");
        assertThat(history.get(0).changedAt()).isEqualTo(clock.instant());
        assertThat(history).extracting(FieldChange::field).contains("name", "owner", "registeredAt");
        assertThat(history.subList(1, history.size()))
                .allSatisfy(created -> assertThat(created.oldValue()).isNull());
        assertThat(crm.privacy()
                        .auditTrail(RecordRef.account(acme.id()), PageRequest.first(10))
                        .items())
                .isEmpty();
    }
}
