package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.Supplier;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccessMother;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.testkit.fixtures.ContactMother;
import org.crmkit.testkit.fixtures.SegmentMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every query of every mapped port, asked by another tenant, on PostgreSQL: nothing of tenant A shows. */
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
        assertThat(storage.contacts().findByOwner(B, ada.owner(), PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findByTag(B, "VIP", PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findByNameStartingWith(B, "King", PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findByAccount(B, link.account(), link.period().from(), PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findWithBirthdayOn(B, MonthDay.from(ada.details().birthday()), PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findWithCustomerAnniversaryOn(B, MonthDay.from(ada.customerSince().orElseThrow()), PAGE).totalElements()).isZero();
        assertThat(storage.contacts().findAll(B, PAGE).totalElements()).isZero();

        assertThat(storage.accounts().findById(B, acme.id())).isEmpty();
        assertThat(storage.accounts().findByName(B, acme.name())).isEmpty();
        assertThat(storage.accounts().findByEmail(B, acme.contactPoints().emails().get(0).value())).isEmpty();
        assertThat(storage.accounts().findByPhone(B, acme.contactPoints().phones().get(0).value())).isEmpty();
        assertThat(storage.accounts().findByOwner(B, acme.owner(), PAGE).totalElements()).isZero();
        assertThat(storage.accounts().findByTerritory(B, acme.territory().orElseThrow(), PAGE).totalElements()).isZero();
        assertThat(storage.accounts().findChildren(B, parent.parent(), parent.period().from(), PAGE).totalElements()).isZero();
        assertThat(storage.accounts().findAll(B, PAGE).totalElements()).isZero();

        assertThat(storage.contacts().findByEmail(A, email)).extracting(Contact::id).containsExactly(ada.id());
        assertThat(storage.accounts().findChildren(A, parent.parent(), LocalDate.of(2026, 1, 1), PAGE).items())
                .extracting(Account::id).containsExactly(acme.id());
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
        assertThat(inTransaction(() -> storage.segments().delete(B, vips.id(), 1))).isFalse();

        assertThat(storage.users().findByEmail(A, ann.email())).map(User::id).contains(ann.id());
        assertThat(storage.teams().findByMember(A, ann.id())).extracting(Team::id).containsExactly(team.id());
    }

    @Test
    void theSameIdInTwoTenantsIsTwoRecords() {
        Contact ofA = ContactMother.aContact(A, ids, clock);
        ContactState state = ofA.state();
        Contact ofB = Contact.restore(new ContactState(B, state.id(), 0, state.name(), state.details(), state.contactPoints(),
                state.tags(), state.customFields(), state.owner(), null, null, state.consents(), state.affiliations(),
                state.registeredAt()));
        inTransaction(() -> storage.contacts().save(ofA));
        inTransaction(() -> storage.contacts().save(ofB));

        assertThat(inTransaction(() -> storage.contacts().delete(B, ofB.id(), 1))).isTrue();

        assertThat(storage.contacts().findById(B, ofB.id())).isEmpty();
        assertThat(storage.contacts().findById(A, ofA.id())).isPresent();
        assertThat(storage.contacts().findByEmail(A, state.contactPoints().emails().get(0).value())).hasSize(1);
        assertThat(database.count("select count(*) from crm_lookup where tenant_id = 'tenant-b'")).isZero();
    }
}
