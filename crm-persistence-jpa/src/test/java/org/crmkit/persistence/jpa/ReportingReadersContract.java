package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.persistence.jpa.ReaderWorld.Kind;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reader views of schema 32 (docs/reporting-views.md) give, for every user of a random organisation ({@link
 * ReaderWorld}), exactly the records that crmkit's API shows that user when every customer record type is {@code
 * PRIVATE}: administrators every record, inactive users none. Subclasses supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportingReadersContract {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final long SEED = 32;

    /** Each reader view, its id column, and the API's lookup of a record of its type. */
    private record ReaderView(String view, String idColumn, BiFunction<Crm, UUID, Optional<?>> lookup) {}

    private static final Map<Kind, ReaderView> VIEWS = new EnumMap<>(Map.of(
            Kind.CONTACT,
            new ReaderView(
                    "crm_report_contact_reader",
                    "contact_id",
                    (crm, id) -> crm.parties().findContact(ContactId.of(id))),
            Kind.ACCOUNT,
            new ReaderView(
                    "crm_report_account_reader",
                    "account_id",
                    (crm, id) -> crm.parties().findAccount(AccountId.of(id))),
            Kind.LEAD,
            new ReaderView(
                    "crm_report_lead_reader",
                    "lead_id",
                    (crm, id) -> crm.leads().lead(LeadId.of(id))),
            Kind.OPPORTUNITY,
            new ReaderView(
                    "crm_report_opportunity_reader",
                    "opportunity_id",
                    (crm, id) -> crm.sales().opportunity(OpportunityId.of(id))),
            Kind.INVOICE,
            new ReaderView(
                    "crm_report_invoice_reader",
                    "invoice_id",
                    (crm, id) -> crm.billing().invoice(InvoiceId.of(id))),
            Kind.PAYMENT,
            new ReaderView(
                    "crm_report_payment_reader",
                    "payment_id",
                    (crm, id) -> crm.billing().payment(PaymentId.of(id))),
            Kind.CASE,
            new ReaderView(
                    "crm_report_case_reader",
                    "case_id",
                    (crm, id) -> crm.serviceDesk().findCase(CaseId.of(id))),
            Kind.TASK,
            new ReaderView(
                    "crm_report_task_reader",
                    "task_id",
                    (crm, id) -> crm.activities().findTask(TaskId.of(id))),
            Kind.ACTIVITY,
            new ReaderView(
                    "crm_report_activity_reader",
                    "activity_id",
                    (crm, id) -> crm.activities().findActivity(ActivityId.of(id)))));

    abstract TestDatabase database();

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private Crm system;
    private Crm restricted;
    private ReaderWorld world;

    /** Built once per database: the tests only read. */
    @BeforeAll
    void aRandomOrganisationWithRecordsOfEveryType() {
        SettableClock clock = SettableClock.at(START);
        JpaStorage storage = database().storage(clock);
        system = Crm.builder().storage(storage).clock(clock).build();
        world = ReaderWorld.build(system, clock, new Random(SEED));
        restricted = Crm.builder()
                .storage(storage)
                .clock(clock)
                .actorResolver(actor::get)
                .sharingModel(SharingModel.every(DefaultAccess.PRIVATE))
                .build();
    }

    @Test
    void everyUserReadsInTheReaderViewsExactlyTheRecordsTheApiShowsIt() {
        Map<Kind, Integer> partlyVisible = new EnumMap<>(Kind.class);
        for (User user : world.users()) {
            actor.set(Actor.user(user.id(), user.name()));
            for (Kind kind : Kind.values()) {
                ReaderView view = VIEWS.get(kind);
                List<UUID> rows = ids(
                        "select " + view.idColumn() + " from " + view.view() + " where tenant_id = ? and user_id = ?",
                        user.id().value());
                Set<UUID> shown = world.ids(kind).stream()
                        .filter(id -> view.lookup().apply(restricted, id).isPresent())
                        .collect(Collectors.toSet());

                assertThat(rows).as(view.view() + " of " + user.name()).doesNotHaveDuplicates();
                assertThat(rows).as(view.view() + " of " + user.name()).containsExactlyInAnyOrderElementsOf(shown);
                if (!shown.isEmpty() && shown.size() < world.ids(kind).size()) {
                    partlyVisible.merge(kind, 1, Integer::sum);
                }
            }
        }
        // the organisation has users who see some records of each type, not all, for different reasons
        assertThat(partlyVisible.keySet()).containsExactlyInAnyOrder(Kind.values());
        assertThat(partlyVisible.values()).allSatisfy(users -> assertThat(users).isGreaterThanOrEqualTo(4));
    }

    @Test
    void pagesAndCountsOfContactsAndAccountsHoldTheRowsOfTheReaderViews() {
        for (User user : world.users()) {
            actor.set(Actor.user(user.id(), user.name()));
            List<UUID> contacts = restricted.parties().contactsAfter(null, 1000).stream()
                    .map(contact -> contact.id().value())
                    .toList();
            List<UUID> accounts = restricted.parties().accountsAfter(null, 1000).stream()
                    .map(account -> account.id().value())
                    .toList();

            assertThat(ids(
                            "select contact_id from crm_report_contact_reader where tenant_id = ? and user_id = ?",
                            user.id().value()))
                    .as(user.name())
                    .containsExactlyInAnyOrderElementsOf(contacts);
            assertThat(restricted.parties().contacts(PageRequest.first(5)).totalElements())
                    .as("the count of " + user.name())
                    .isEqualTo(contacts.size());
            assertThat(ids(
                            "select account_id from crm_report_account_reader where tenant_id = ? and user_id = ?",
                            user.id().value()))
                    .as(user.name())
                    .containsExactlyInAnyOrderElementsOf(accounts);
        }
    }

    @Test
    void administratorsReadEveryRecordAndInactiveUsersNone() {
        for (User user : world.users()) {
            boolean administrator = user.isActive() && user.hasRole(Role.ADMIN);
            for (Kind kind : Kind.values()) {
                ReaderView view = VIEWS.get(kind);
                List<UUID> rows = ids(
                        "select " + view.idColumn() + " from " + view.view() + " where tenant_id = ? and user_id = ?",
                        user.id().value());
                if (administrator) {
                    assertThat(rows).as(view.view()).containsExactlyInAnyOrderElementsOf(world.ids(kind));
                } else if (!user.isActive()) {
                    assertThat(rows).as(view.view()).isEmpty();
                }
            }
        }
        assertThat(world.users())
                .filteredOn(user -> user.isActive() && user.hasRole(Role.ADMIN))
                .hasSize(1);
        assertThat(world.users()).filteredOn(user -> !user.isActive()).hasSize(3);
    }

    @Test
    void theBuildingBlocksAreTheUsersVisibility() {
        for (User user : world.users()) {
            Visibility visibility = system.access().visibilityOf(user.id());
            UUID id = user.id().value();

            assertThat(ids("select owner_id from crm_report_owner_reader where tenant_id = ? and user_id = ?", id))
                    .as("owners of " + user.name())
                    .containsExactlyInAnyOrderElementsOf(
                            visibility.owners().stream().map(UserId::value).toList());
            assertThat(ids("select grantee_id from crm_report_grantee_reader where tenant_id = ? and user_id = ?", id))
                    .as("grantees of " + user.name())
                    .containsExactlyInAnyOrderElementsOf(visibility.grantees());
            if (user.isActive()) {
                Set<UUID> figureUsers = new HashSet<>(
                        ids("select user_id from crm_report_manager where tenant_id = ? and manager_id = ?", id));
                figureUsers.add(id);
                assertThat(figureUsers)
                        .as("users at or below " + user.name())
                        .containsExactlyInAnyOrderElementsOf(visibility.figureUsers().stream()
                                .map(UserId::value)
                                .toList());
                assertThat(ids(
                                "select territory_id from crm_report_territory_member where tenant_id = ? and user_id = ?",
                                id))
                        .as("territories of " + user.name())
                        .containsExactlyInAnyOrderElementsOf(visibility.territories().stream()
                                .map(TerritoryId::value)
                                .toList());
            }
        }
    }

    /** The ids of the first column of a query whose parameters are the tenant and {@code id}. */
    private List<UUID> ids(String sql, UUID id) {
        try (Connection connection = database().dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, TenantId.DEFAULT.value());
            query.setObject(2, id);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
