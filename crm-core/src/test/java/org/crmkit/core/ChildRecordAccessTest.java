package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The records that hang off accounts (invoices, cases, tasks, activities) as the services show them to two
 * salespeople of two territories and their manager: each sees those of its own customers, the manager both.
 */
class ChildRecordAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
    private final InMemoryStorage storage = InMemoryStorage.create(CLOCK);
    private User north;
    private User south;
    private User manager;
    private Account northCustomer;
    private Account southCustomer;
    private Invoice southInvoice;
    private ServiceCase southCase;
    private Activity southCall;
    private Task northTaskOnSouth;

    private Crm crm(SharingModel model) {
        return Crm.builder()
                .storage(storage)
                .clock(CLOCK)
                .actorResolver(actor::get)
                .sharingModel(model)
                .build();
    }

    @BeforeEach
    void twoSalespeopleTheirCustomersAndWhatHangsOffThem() {
        Crm crm = crm(SharingModel.openToAll());
        Access access = crm.access();
        north = access.registerUser("north", EmailAddress.of("north@crm.example"), List.of(Role.SALES));
        south = access.registerUser("south", EmailAddress.of("south@crm.example"), List.of(Role.SALES));
        manager = access.registerUser("manager", EmailAddress.of("manager@crm.example"), List.of(Role.MANAGER));
        Team sales = access.createTeam("Sales", manager.id());
        access.addTeamMember(sales.id(), north.id());
        access.addTeamMember(sales.id(), south.id());
        Territory northTerritory = access.defineTerritory("North", 1, List.of(TerritoryRule.country("DE")));
        Territory southTerritory = access.defineTerritory("South", 2, List.of(TerritoryRule.country("IT")));
        access.addTerritoryMember(northTerritory.id(), north.id());
        access.addTerritoryMember(southTerritory.id(), south.id());
        northCustomer = crm.parties()
                .registerAccount(NewAccount.of("Nordwerk", manager.id()).withTerritory(northTerritory.id()));
        southCustomer = crm.parties()
                .registerAccount(NewAccount.of("Sudwerk", manager.id()).withTerritory(southTerritory.id()));
        for (Account customer : List.of(northCustomer, southCustomer)) {
            Invoice invoice = crm.billing()
                    .issueInvoice(NewInvoice.of(
                                    customer.name() + "-1",
                                    customer.id(),
                                    TODAY.minusDays(40),
                                    TODAY.minusDays(10),
                                    Currency.getInstance("EUR"))
                            .withLine(InvoiceLine.of("Service", "1", Money.of("100.00", "EUR"), "19")));
            ServiceCase serviceCase = crm.serviceDesk()
                    .openCase(NewCase.of(
                            customer.id(),
                            null,
                            "Late delivery",
                            CaseChannel.EMAIL,
                            CaseCategory.of("delivery"),
                            CasePriority.HIGH));
            Activity call = crm.activities()
                    .logActivity(NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Call", CLOCK.instant())
                            .aboutAccount(customer.id()));
            if (customer == southCustomer) {
                southInvoice = invoice;
                southCase = serviceCase;
                southCall = call;
            }
        }
        Instant due = CLOCK.instant().plus(Duration.ofDays(1));
        crm.activities()
                .createTask(NewTask.of("Visit", due, manager.id()).linkedTo(RecordRef.account(northCustomer.id())));
        crm.activities()
                .createTask(NewTask.of("Visit", due, manager.id()).linkedTo(RecordRef.account(southCustomer.id())));
        northTaskOnSouth = crm.activities()
                .createTask(
                        NewTask.of("Cover for south", due, north.id()).linkedTo(RecordRef.account(southCustomer.id())));
    }

    private void actAs(User user) {
        actor.set(Actor.user(user.id(), user.name()));
    }

    @Test
    void aSalespersonSeesWhatHangsOffItsOwnCustomersAndTheManagerSeesAll() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        actAs(north);

        assertThat(crm.billing().overdueInvoices(TODAY, PageRequest.first(20)).items())
                .extracting(Invoice::account)
                .containsExactly(northCustomer.id());
        assertThat(crm.billing().invoice(southInvoice.id())).isEmpty();
        assertThat(crm.billing()
                        .invoicesOf(southCustomer.id(), PageRequest.first(20))
                        .totalElements())
                .isZero();
        assertThat(crm.serviceDesk().findCase(southCase.id())).isEmpty();
        assertThat(crm.serviceDesk()
                        .breachingSla(CLOCK.instant().plus(Duration.ofDays(30)), PageRequest.first(20))
                        .totalElements())
                .isEqualTo(1);
        assertThat(crm.activities().findActivity(southCall.id())).isEmpty();
        assertThat(crm.activities()
                        .timeline(southCustomer.id(), TimelineFilter.ALL, PageRequest.first(20))
                        .totalElements())
                .isZero();
        assertThat(crm.activities()
                        .tasksLinkedTo(RecordRef.account(southCustomer.id()), PageRequest.first(20))
                        .items())
                .extracting(Task::id)
                .containsExactly(northTaskOnSouth.id());
        assertThat(crm.activities()
                        .tasksOf(manager.id(), Set.of(TaskStatus.OPEN), PageRequest.first(20))
                        .totalElements())
                .isEqualTo(1);

        actAs(manager);
        assertThat(crm.billing().overdueInvoices(TODAY, PageRequest.first(20)).totalElements())
                .isEqualTo(2);
        assertThat(crm.activities().findActivity(southCall.id())).isPresent();
        assertThat(crm.activities()
                        .tasksDueBetween(
                                CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(2)), PageRequest.first(20))
                        .totalElements())
                .isEqualTo(3);
    }

    @Test
    void aHiddenChildCannotBeChangedAndAReadableOneIsRefusedNamingTheUser() {
        Crm hidden = crm(SharingModel.every(DefaultAccess.PRIVATE));
        actAs(north);
        assertThatThrownBy(() -> hidden.billing().voidInvoice(southInvoice.id(), "wrong"))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> hidden.activities().delete(southCall.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(
                        () -> hidden.privacy().auditTrail(RecordRef.invoice(southInvoice.id()), PageRequest.first(5)))
                .isInstanceOf(RecordNotFoundException.class);

        Crm readable = crm(SharingModel.every(DefaultAccess.READ));
        assertThat(readable.billing().invoice(southInvoice.id())).isPresent();
        assertThatThrownBy(() -> readable.billing().voidInvoice(southInvoice.id(), "wrong"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(north.id().toString())
                .hasMessageContaining(southInvoice.id().toString());
        assertThatThrownBy(() -> readable.serviceDesk().startWork(southCase.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(readable.activities().complete(northTaskOnSouth.id()).status())
                .isEqualTo(TaskStatus.DONE);
    }

    @Test
    void theCampaignsOfAHiddenMemberBehaveAsNotFound() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        actAs(north);

        assertThatThrownBy(
                        () -> crm.campaigns().campaignsOf(RecordRef.account(southCustomer.id()), PageRequest.first(5)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(crm.campaigns()
                        .campaignsOf(RecordRef.account(northCustomer.id()), PageRequest.first(5))
                        .totalElements())
                .isZero();
    }
}
