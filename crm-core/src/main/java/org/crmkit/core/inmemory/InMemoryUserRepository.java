package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.User;
import org.crmkit.core.access.UserState;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.UserRepository;

/** Users in memory, indexed by normalised email. */
final class InMemoryUserRepository implements UserRepository {

    private static final Comparator<UserState> BY_ID =
            Comparator.comparing(state -> state.id().value());

    private final VersionedStore<UserState> store;
    private final InMemoryIndex<UserState> byEmail;

    InMemoryUserRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("User", transactions);
        byEmail = store.index(InMemoryIndex.single(state -> state.email().normalized()));
    }

    @Override
    public Optional<User> findById(TenantId tenant, UserId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(User::restore);
    }

    @Override
    public User save(User user) {
        return User.restore(store.save(Require.notNull(user, "user").state()));
    }

    @Override
    public Optional<User> findByEmail(TenantId tenant, EmailAddress email) {
        Require.notNull(tenant, "tenant");
        String key = Require.notNull(email, "email").normalized();
        return store.findAll(tenant, byEmail.lookup(tenant, key)).stream()
                .min(BY_ID)
                .map(User::restore);
    }

    @Override
    public Page<User> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        Comparator<UserState> byName = Comparator.comparing(
                        (UserState state) -> state.name().toLowerCase(Locale.ROOT))
                .thenComparing(BY_ID);
        return Page.of(
                store.query(tenant, state -> true, byName).stream()
                        .map(User::restore)
                        .toList(),
                page);
    }
}
