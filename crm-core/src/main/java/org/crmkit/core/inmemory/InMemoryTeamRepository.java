package org.crmkit.core.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TeamState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TeamRepository;

/** Teams in memory, indexed by member and lead. */
final class InMemoryTeamRepository implements TeamRepository {

    private static final Comparator<TeamState> BY_NAME = Comparator.comparing(
                    (TeamState state) -> state.name().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.id().value());

    private final VersionedStore<TeamState> store;
    private final InMemoryIndex<TeamState> byUser;

    InMemoryTeamRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("Team", transactions);
        byUser = store.index(new InMemoryIndex<>(state -> {
            List<UserId> users = new ArrayList<>(state.members());
            if (state.lead() != null && !users.contains(state.lead())) {
                users.add(state.lead());
            }
            return users;
        }));
    }

    @Override
    public Optional<Team> findById(TenantId tenant, TeamId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(Team::restore);
    }

    @Override
    public Team save(Team team) {
        return Team.restore(store.save(Require.notNull(team, "team").state()));
    }

    @Override
    public List<Team> findByMember(TenantId tenant, UserId user) {
        Require.notNull(tenant, "tenant");
        return store.findAll(tenant, byUser.lookup(tenant, Require.notNull(user, "user"))).stream()
                .sorted(BY_NAME)
                .map(Team::restore)
                .toList();
    }
}
