package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TeamState;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryState;
import org.crmkit.core.access.User;
import org.crmkit.core.access.UserAccess;
import org.crmkit.core.access.UserState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A user with its teams and territories ({@link UserAccess}) in one statement, since crmkit reads them on every call
 * of a restricted user: the user's row, the teams that have it as a member key (members and lead, see {@link
 * TeamMapping}) and the territories that have it as a member key, as one {@code union all}, each row with its kind.
 */
final class UserAccessQuery {

    private static final int USER = 1;
    private static final int TEAM = 2;
    private static final int TERRITORY = 3;

    private static final String QUERY = "select " + USER + ", u.id, u.version, u.document from UserRow u"
            + " where u.tenantId = :tenant and u.id = :user"
            + " union all select " + TEAM + ", t.id, t.version, t.document from TeamRow t"
            + " where t.tenantId = :tenant and t.id in (select k.recordId from LookupRow k where k.tenantId = :tenant"
            + " and k.name = '" + TeamMapping.MEMBER + "' and k.value = :userKey)"
            + " union all select " + TERRITORY + ", r.id, r.version, r.document from TerritoryRow r"
            + " where r.tenantId = :tenant and r.id in (select k.recordId from LookupRow k where k.tenantId = :tenant"
            + " and k.name = '" + TerritoryMapping.MEMBER + "' and k.value = :userKey)";

    private final JpaTransactions transactions;
    private final StateJson json;

    UserAccessQuery(JpaTransactions transactions, StateJson json) {
        this.transactions = transactions;
        this.json = json;
    }

    Optional<UserAccess> read(TenantId tenant, UserId user) {
        Require.notNull(tenant, "tenant");
        Require.notNull(user, "user");
        List<Object[]> rows = transactions.read(
                entityManager -> JpaTransactions.withoutAutoFlush(entityManager.createQuery(QUERY, Object[].class))
                        .setParameter("tenant", tenant.value())
                        .setParameter("user", user.value())
                        .setParameter("userKey", user.value().toString())
                        .getResultList());
        User found = null;
        List<Team> teams = new ArrayList<>();
        List<Territory> territories = new ArrayList<>();
        for (Object[] row : rows) {
            int kind = ((Number) row[0]).intValue();
            UUID id = (UUID) row[1];
            long version = ((Number) row[2]).longValue();
            String document = (String) row[3];
            switch (kind) {
                case USER ->
                    found = User.restore(
                            json.read(document, UserState.class, "User " + id).withVersion(version));
                case TEAM ->
                    teams.add(Team.restore(
                            json.read(document, TeamState.class, "Team " + id).withVersion(version)));
                default ->
                    territories.add(Territory.restore(json.read(document, TerritoryState.class, "Territory " + id)
                            .withVersion(version)));
            }
        }
        return found == null ? Optional.empty() : Optional.of(new UserAccess(found, teams, territories));
    }
}
