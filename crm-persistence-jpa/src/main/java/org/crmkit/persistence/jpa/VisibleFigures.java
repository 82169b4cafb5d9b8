package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * The condition on a row {@code r} of a table of sales figures (quotas, forecast snapshots) that a {@link
 * Visibility} lets through: the user it belongs to among {@link Visibility#figureUsers()} or its team among {@link
 * Visibility#figureTeams()}; a row that names neither (a forecast of the whole tenant) only for a viewer who sees
 * everything. Only the parts with values are written, so no statement has an empty {@code in ()}.
 */
final class VisibleFigures implements RowFilter {

    private final Visibility visibility;
    private final String userAttribute;
    private final String teamAttribute;

    /** {@code userAttribute} and {@code teamAttribute} name the row's columns, e.g. {@code r.holderUserId}. */
    VisibleFigures(Visibility visibility, String userAttribute, String teamAttribute) {
        this.visibility = Require.notNull(visibility, "visibility");
        this.userAttribute = userAttribute;
        this.teamAttribute = teamAttribute;
    }

    @Override
    public RowQuery condition(EntityManager entityManager, TenantId tenant, boolean counting) {
        if (visibility.seesEverything()) {
            return RowQuery.all();
        }
        List<UUID> users =
                visibility.figureUsers().stream().map(UserId::value).sorted().toList();
        List<UUID> teams =
                visibility.figureTeams().stream().map(TeamId::value).sorted().toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (!users.isEmpty()) {
            parts.add(VisibleRows.among(userAttribute, "figureUser", users, parameters));
        }
        if (!teams.isEmpty()) {
            parts.add(VisibleRows.among(teamAttribute, "figureTeam", teams, parameters));
        }
        RowQuery query = RowQuery.where(parts.isEmpty() ? "1 = 0" : String.join(" or ", parts));
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            query = query.bind(parameter.getKey(), parameter.getValue());
        }
        return query;
    }
}
