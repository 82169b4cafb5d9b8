package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.testkit.fixtures.AccessMother;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the record visibility contracts share: a viewer with a team mate (one team), a territory of its own and
 * another territory, a stranger whose records it may not see, the viewer's {@link Visibility}, and helpers to store
 * shares and check that pages are full and counts count visible records only.
 */
public abstract class VisibilityFixture extends StorageContract {

    protected static final String NAME = "Visible";
    protected static final EmailAddress EMAIL = EmailAddress.of("shared.inbox@example.com");
    protected static final PhoneNumber PHONE = PhoneNumber.parse("+49 30 1234567");
    protected static final LocalDate BIRTHDAY = LocalDate.of(1980, 5, 17);
    protected static final int HIDDEN = 12;

    protected User viewer;
    protected User mate;
    protected UserId stranger;
    protected Team team;
    protected TerritoryId viewersTerritory;
    protected TerritoryId otherTerritory;
    protected Visibility visibility;
    protected AccountId parent;

    @BeforeEach
    void aViewerWithATeamMateATerritoryAndAStranger() {
        viewer = AccessMother.aUser(TENANT_A, ids, clock, "viewer");
        mate = AccessMother.aUser(TENANT_A, ids, clock, "mate");
        stranger = UserId.next(ids);
        team = AccessMother.aTeam(TENANT_A, ids, clock, "Desk", null, viewer.id(), mate.id());
        Territory territory = AccessMother.aTerritory(TENANT_A, ids, clock, "North", 1, viewer.id());
        viewersTerritory = territory.id();
        otherTerritory = TerritoryId.next(ids);
        visibility = Visibility.of(viewer, List.of(team), List.of(territory));
        parent = AccountId.next(ids);
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    protected void share(RecordRef record, EntityId grantee) {
        inTransaction(
                () -> storage.shares().save(new RecordShare(TENANT_A, record, grantee.value(), ShareAccess.READ)));
    }

    /** The five reasons to see a record, in this order: own, the mate's, in the territory, shared, team-shared. */
    protected List<UserId> visibleOwners() {
        return List.of(viewer.id(), mate.id(), stranger, stranger, stranger);
    }

    protected static <T> List<Object> ids(List<T> records, Function<T, EntityId> id) {
        return records.stream().map(record -> (Object) id.apply(record)).toList();
    }

    protected static <T> void assertFullPages(Function<PageRequest, Page<T>> query, int visible) {
        Page<T> first = query.apply(PageRequest.first(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.totalElements()).isEqualTo(visible);
        Page<T> last = query.apply(PageRequest.first(2).next().next());
        assertThat(last.items()).hasSize(visible - 4);
    }
}
