package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccessMother;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.testkit.fixtures.ActivityMother;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.crmkit.testkit.fixtures.CaseMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.crmkit.testkit.fixtures.SegmentMother;
import org.crmkit.testkit.fixtures.TaskMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every query, save and delete of the ports, asked by another tenant, on PostgreSQL: nothing of tenant A shows or changes. */
class TenancyTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");
    private static final PageRequest PAGE = PageRequest.first(10);

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    @Test
    void noQueryOfAnotherTenantFindsAContactOrAnAccount() {
        Contact ada = ContactMother.aContact(A, ids, clock);
        Account acme = AccountMother.anAccount(A, ids, clock);
        inTransaction(() -> storage.contacts().save(ada));
        inTransaction(() -> storage.accounts().save(acme));
        var email = ada.contactPoints().emails().get(0).value();
        var phone = ada.contactPoints().phones().get(0).value();
        var link = ada.affiliations().get(0);
        var parent = acme.parents().get(0);

        assertThat(storage.contacts().findById(B, ada.id())).isEmpty();
        assertThat(storage.contacts().findByEmail(B, email)).isEmpty();
        assertThat(storage.contacts().findByPhone(B, phone)).isEmpty();
        assertThat(storage.contacts().findByOwner(B, ada.owner(), PAGE).totalElements())
                .isZero();
        assertThat(storage.contacts().findByTag(B, "VIP", PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findByNameStartingWith(B, "King", PAGE).totalElements())
                .isZero();
        assertThat(storage.contacts()
                        .findByAccount(B, link.account(), link.period().from(), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.contacts()
                        .findWithBirthdayOn(B, MonthDay.from(ada.details().birthday()), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.contacts()
                        .findWithCustomerAnniversaryOn(
                                B, MonthDay.from(ada.customerSince().orElseThrow()), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.contacts().findAll(B, PAGE).totalElements()).isZero();

        assertThat(storage.accounts().findById(B, acme.id())).isEmpty();
        assertThat(storage.accounts().findByName(B, acme.name())).isEmpty();
        assertThat(storage.accounts()
                        .findByEmail(B, acme.contactPoints().emails().get(0).value()))
                .isEmpty();
        assertThat(storage.accounts()
                        .findByPhone(B, acme.contactPoints().phones().get(0).value()))
                .isEmpty();
        assertThat(storage.accounts().findByOwner(B, acme.owner(), PAGE).totalElements())
                .isZero();
        assertThat(storage.accounts()
                        .findByTerritory(B, acme.territory().orElseThrow(), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.accounts()
                        .findChildren(B, parent.parent(), parent.period().from(), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.accounts().findAll(B, PAGE).totalElements()).isZero();

        assertThat(storage.contacts().findByEmail(A, email))
                .extracting(Contact::id)
                .containsExactly(ada.id());
        assertThat(storage.accounts()
                        .findChildren(A, parent.parent(), LocalDate.of(2026, 1, 1), PAGE)
                        .items())
                .extracting(Account::id)
                .containsExactly(acme.id());
    }

    @Test
    void noQueryOfAnotherTenantFindsAUserTeamTerritoryOrSegment() {
        User ann = AccessMother.aUser(A, ids, clock, "Ann");
        Team team = AccessMother.aTeam(A, ids, clock, "Sales", ann.id(), ann.id());
        Territory north = AccessMother.aTerritory(A, ids, clock, "North", 1, ann.id());
        Segment vips = SegmentMother.aSegment(A, ids, clock, "VIPs");
        inTransaction(() -> {
            storage.users().save(ann);
            storage.teams().save(team);
            storage.territories().save(north);
            return storage.segments().save(vips);
        });

        assertThat(storage.users().findById(B, ann.id())).isEmpty();
        assertThat(storage.users().findByEmail(B, ann.email())).isEmpty();
        assertThat(storage.users().findAll(B, PAGE).totalElements()).isZero();
        assertThat(storage.teams().findById(B, team.id())).isEmpty();
        assertThat(storage.teams().findByMember(B, ann.id())).isEmpty();
        assertThat(storage.territories().findById(B, north.id())).isEmpty();
        assertThat(storage.territories().findAllByPriority(B)).isEmpty();
        assertThat(storage.territories().findByMember(B, ann.id())).isEmpty();
        assertThat(storage.segments().findById(B, vips.id())).isEmpty();
        assertThat(storage.segments().findAll(B, PAGE).totalElements()).isZero();
        assertThat(inTransaction(() -> storage.segments().delete(B, vips.id(), 1)))
                .isFalse();

        assertThat(storage.users().findByEmail(A, ann.email())).map(User::id).contains(ann.id());
        assertThat(storage.teams().findByMember(A, ann.id()))
                .extracting(Team::id)
                .containsExactly(team.id());
    }

    @Test
    void theSameIdInTwoTenantsIsTwoRecords() {
        Contact ofA = ContactMother.aContact(A, ids, clock);
        ContactState state = ofA.state();
        Contact ofB = Contact.restore(new ContactState(
                B,
                state.id(),
                0,
                state.name(),
                state.details(),
                state.contactPoints(),
                state.tags(),
                state.customFields(),
                state.owner(),
                null,
                null,
                state.consents(),
                state.affiliations(),
                state.registeredAt(),
                state.externalRefs()));
        inTransaction(() -> storage.contacts().save(ofA));
        inTransaction(() -> storage.contacts().save(ofB));

        assertThat(inTransaction(() -> storage.contacts().delete(B, ofB.id(), 1)))
                .isTrue();

        assertThat(storage.contacts().findById(B, ofB.id())).isEmpty();
        assertThat(storage.contacts().findById(A, ofA.id())).isPresent();
        assertThat(storage.contacts()
                        .findByEmail(A, state.contactPoints().emails().get(0).value()))
                .hasSize(1);
        assertThat(database.count("select count(*) from crm_lookup where tenant_id = 'tenant-b'"))
                .isZero();
    }

    @Test
    void anotherTenantNeitherFindsNorChangesNorDeletesAnActivity() {
        ContactId contact = ContactId.next(ids);
        Activity call = inTransaction(
                () -> storage.activities().save(ActivityMother.aCallWith(A, ids, clock, contact, clock.instant())));

        assertThat(storage.activities().findById(B, call.id())).isEmpty();
        assertThat(storage.activities()
                        .timeline(B, RecordRef.contact(contact), TimelineFilter.ALL, PAGE)
                        .totalElements())
                .isZero();
        assertThatThrownBy(() ->
                        inTransaction(() -> storage.activities().save(Activity.restore(ofTenant(call.state(), B)))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(inTransaction(() -> storage.activities().delete(B, call.id(), call.version())))
                .isFalse();

        assertThat(storage.activities().findById(A, call.id()).orElseThrow().state())
                .isEqualTo(call.state());
        assertThat(storage.activities()
                        .timeline(A, RecordRef.contact(contact), TimelineFilter.ALL, PAGE)
                        .items())
                .extracting(Activity::id)
                .containsExactly(call.id());
    }

    @Test
    void anotherTenantNeitherFindsNorChangesATask() {
        Task task = inTransaction(() -> storage.tasks().save(TaskMother.aTask(A, ids, clock)));
        Instant later = clock.instant().plus(Duration.ofDays(30));

        assertThat(storage.tasks().findById(B, task.id())).isEmpty();
        assertThat(storage.tasks()
                        .findByAssignee(B, task.assignee(), Set.of(), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.tasks().findOverdue(B, later, PAGE).totalElements()).isZero();
        assertThat(storage.tasks()
                        .findDueBetween(B, clock.instant(), later, PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.tasks().findByLink(B, task.link(), PAGE).totalElements())
                .isZero();
        assertThat(storage.tasks().findRemindersDue(B, later, PAGE).totalElements())
                .isZero();
        assertThatThrownBy(() -> inTransaction(() -> storage.tasks().save(Task.restore(ofTenant(task.state(), B)))))
                .isInstanceOf(RecordNotFoundException.class);

        assertThat(storage.tasks().findById(A, task.id()).orElseThrow().state()).isEqualTo(task.state());
        assertThat(storage.tasks().findRemindersDue(A, later, PAGE).items())
                .extracting(Task::id)
                .containsExactly(task.id());
    }

    @Test
    void anotherTenantNeitherFindsNorChangesAServiceCase() {
        ServiceCase complaint = inTransaction(() -> storage.cases().save(CaseMother.aCase(A, ids, clock)));
        complaint.assign(UserId.next(ids), CaseMother.AGENT, clock);
        ServiceCase assigned = inTransaction(() -> storage.cases().save(complaint));
        Instant later = clock.instant().plus(Duration.ofDays(30));

        assertThat(storage.cases().findById(B, assigned.id())).isEmpty();
        assertThat(storage.cases()
                        .findOpenByAssignee(B, assigned.assignee(), PAGE)
                        .totalElements())
                .isZero();
        assertThat(storage.cases().findByAccount(B, assigned.account(), PAGE).totalElements())
                .isZero();
        assertThat(storage.cases().findBreachingSla(B, later, PAGE).totalElements())
                .isZero();
        assertThatThrownBy(() ->
                        inTransaction(() -> storage.cases().save(ServiceCase.restore(ofTenant(assigned.state(), B)))))
                .isInstanceOf(RecordNotFoundException.class);

        assertThat(storage.cases().findById(A, assigned.id()).orElseThrow().state())
                .isEqualTo(assigned.state());
        assertThat(storage.cases().findBreachingSla(A, later, PAGE).items())
                .extracting(ServiceCase::id)
                .containsExactly(assigned.id());
    }

    @Test
    void anotherTenantNeitherFindsNorChangesACampaign() {
        Campaign spring = CampaignMother.aCampaign(A, ids, clock);
        RecordRef member = RecordRef.contact(ContactId.next(ids));
        spring.activate(CampaignMother.MARKETER, clock);
        Campaign saved = inTransaction(() -> storage.campaigns().save(spring));
        inTransaction(() -> storage.campaignMembers().addAll(A, saved.newMembers(List.of(member), clock)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());

        assertThat(storage.campaigns().findById(B, saved.id())).isEmpty();
        assertThat(storage.campaigns().findActiveOn(B, today, PAGE).totalElements())
                .isZero();
        assertThat(storage.campaigns().findByMember(B, member, PAGE).totalElements())
                .isZero();
        assertThatThrownBy(() ->
                        inTransaction(() -> storage.campaigns().save(Campaign.restore(ofTenant(saved.state(), B)))))
                .isInstanceOf(RecordNotFoundException.class);

        assertThat(storage.campaigns().findById(A, saved.id()).orElseThrow().state())
                .isEqualTo(saved.state());
        assertThat(storage.campaigns().findByMember(A, member, PAGE).items())
                .extracting(Campaign::id)
                .containsExactly(saved.id());
    }

    /** The same state record as if it belonged to another tenant: what a save by that tenant would send. */
    private static <S extends Record> S ofTenant(S state, TenantId tenant) {
        RecordComponent[] components = state.getClass().getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(component -> {
                    try {
                        return component.getType() == TenantId.class
                                ? tenant
                                : component.getAccessor().invoke(state);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray();
        try {
            @SuppressWarnings("unchecked")
            S copy = (S) state.getClass()
                    .getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
