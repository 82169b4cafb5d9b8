package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Consumer;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskCreated;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.testkit.fixtures.BillingMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.crmkit.testkit.fixtures.TaskMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Documents as another crmkit version may have stored them (a property the state record no longer has, or lacks
 * one it now has), and outbox payloads likewise, written with plain SQL and read through the ports: the rule of the
 * README's "Upgrading: stored documents".
 */
class StoredDocumentsAfterUpgradeTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    private Task stored(Task task) {
        return storage.transactions().inTransaction(() -> storage.tasks().save(task));
    }

    private ObjectNode document(Task task) {
        return document("crm_task", task.id().value());
    }

    private ObjectNode document(String table, UUID id) {
        return database.storedJson("document", table, "id", id);
    }

    private void rewrite(Task task, Consumer<ObjectNode> change) {
        rewrite("crm_task", task.id().value(), change);
    }

    private void rewrite(String table, UUID id, Consumer<ObjectNode> change) {
        database.rewriteJson("document", table, "id", id, change);
    }

    private void rewrite(String column, String table, String key, UUID id, Consumer<ObjectNode> change) {
        database.rewriteJson(column, table, key, id, change);
    }

    @Test
    void aPropertyTheRecordNoLongerHasIsIgnoredAndGoneAfterTheNextSave() {
        Task task = stored(TaskMother.aTask(TENANT, ids, clock));
        rewrite(task, document -> {
            document.put("formerEstimateHours", 3);
            ((ObjectNode) document.get("createdBy")).put("department", "Sales");
        });

        Task read = storage.tasks().findById(TENANT, task.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(task.state());
        read.start(TaskMother.CREATOR, clock);
        stored(read);

        assertThat(document(read).has("formerEstimateHours")).isFalse();
        assertThat(document(read).get("createdBy").has("department")).isFalse();
    }

    @Test
    void anOptionalPropertyMissingFromTheDocumentReadsAsAbsent() {
        Task task = TaskMother.aTask(TENANT, ids, clock);
        clock.set(task.reminderAt());
        task.markReminderSent(clock);
        task = stored(task);
        rewrite(task, document -> document.remove("reminderSentAt"));

        Task read = storage.tasks().findById(TENANT, task.id()).orElseThrow();

        assertThat(read.reminderSentAt()).isNull();
        assertThat(read.subject()).isEqualTo(task.subject());
        assertThat(read.reminderAt()).isEqualTo(task.reminderAt());
    }

    @Test
    void aRequiredPropertyMissingFromTheDocumentFailsNamingTheRecordTheRowAndTheProperty() {
        Task task = stored(TaskMother.aTask(TENANT, ids, clock));
        rewrite(task, document -> document.remove("assignee"));

        assertThatThrownBy(() -> storage.tasks().findById(TENANT, task.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Task " + task.id().value() + " as TaskState: "
                        + "assignee is missing from the stored document");
    }

    @Test
    void contactsAccountsAndInvoicesMissingARequiredPropertyFailNamingTheRowAndTheProperty() {
        Contact contact = ContactMother.aContact(TENANT, ids, clock);
        Account account = AccountMother.anAccount(TENANT, ids, clock);
        Invoice invoice = BillingMother.anInvoice(TENANT, ids, clock);
        storage.transactions().inTransaction(() -> {
            storage.contacts().save(contact);
            storage.accounts().save(account);
            return storage.invoices().save(invoice);
        });
        rewrite("crm_contact", contact.id().value(), document -> document.remove("owner"));
        rewrite("crm_account", account.id().value(), document -> document.remove("name"));
        rewrite("crm_invoice", invoice.id().value(), document -> document.remove("dueDate"));

        assertThatThrownBy(() -> storage.contacts().findById(TENANT, contact.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Contact "
                        + contact.id().value() + " as ContactState: " + "owner is missing from the stored document");
        assertThatThrownBy(() -> storage.accounts().findById(TENANT, account.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Account "
                        + account.id().value() + " as AccountState: " + "name is missing from the stored document");
        assertThatThrownBy(() -> storage.invoices().findById(TENANT, invoice.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Invoice "
                        + invoice.id().value() + " as InvoiceState: " + "dueDate is missing from the stored document");
    }

    @Test
    void aStoredValueTheRecordRefusesFailsNamingThePropertyAndTheRecordsReason() {
        Task task = stored(TaskMother.aTask(TENANT, ids, clock));
        rewrite(task, document -> document.put("subject", " "));

        assertThatThrownBy(() -> storage.tasks().findById(TENANT, task.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Task " + task.id().value() + " as TaskState: "
                        + "subject is not valid: CRM-0001: subject: is required")
                .hasMessageNotContaining("Cannot construct instance");
    }

    @Test
    void aQuotaWithoutItsAmountFailsOnReadInsteadOfComingBackWithoutOne() {
        Quota quota = Quota.set(
                TENANT,
                QuotaId.next(ids),
                QuotaHolder.user(UserId.next(ids)),
                QuotaPeriod.month(YearMonth.of(2026, 3)),
                Money.of("50000.00", "EUR"),
                clock);
        storage.transactions().inTransaction(() -> storage.quotas().save(quota));
        rewrite("crm_quota", quota.id().value(), document -> document.remove("amount"));

        assertThatThrownBy(() -> storage.quotas().findById(TENANT, quota.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot read the stored Quota "
                        + quota.id().value() + " as QuotaState: " + "amount is missing from the stored document");
    }

    @Test
    void aMissingNumberInsideAValueFailsNamingItsPathInsteadOfReadingAsZero() {
        Task weekly = stored(TaskMother.aWeeklyTask(TENANT, ids, clock));
        rewrite(weekly, document -> ((ObjectNode) document.get("recurrence").get("recurrence")).remove("interval"));

        assertThatThrownBy(() -> storage.tasks().findById(TENANT, weekly.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(
                        "cannot read the stored Task " + weekly.id().value() + " as TaskState: "
                                + "recurrence.recurrence.interval is missing from the stored document");
    }

    @Test
    void outboxEventsAreReadByTheSameRuleAndARefusedOneIsNamedByItsEventId() {
        Task task = TaskMother.aTask(TENANT, ids, clock);
        storage.transactions().inTransaction(() -> storage.outbox().append(task.pendingEvents()));
        UUID created = storage.outbox().pending(10).get(0).eventId();
        rewrite("payload", "crm_outbox", "id", created, payload -> payload.put("formerChannel", "phone"));

        assertThat(storage.outbox().pending(10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.event())
                        .isInstanceOfSatisfying(
                                TaskCreated.class,
                                event -> assertThat(event.subject()).isEqualTo(task.subject())));

        rewrite("payload", "crm_outbox", "id", created, payload -> payload.put("dueAt", "next Monday"));

        assertThatThrownBy(() -> storage.outbox().pending(10))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(
                        "cannot read the stored outbox event " + created + " as TaskCreated: " + "dueAt is not valid");
    }
}
