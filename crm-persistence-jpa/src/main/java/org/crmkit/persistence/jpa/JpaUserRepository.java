package org.crmkit.persistence.jpa;

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

/** Users in {@code crm_user} (see {@link UserMapping}). */
final class JpaUserRepository implements UserRepository {

    private final StoredAggregates<User, UserState, UserRow> users;

    JpaUserRepository(AggregateTable<UserState, UserRow> table) {
        this.users = new StoredAggregates<>(table, User::state, User::restore, "user");
    }

    @Override
    public Optional<User> findById(TenantId tenant, UserId id) {
        return users.findById(tenant, id);
    }

    @Override
    public User save(User user) {
        return users.save(user);
    }

    @Override
    public Optional<User> findByEmail(TenantId tenant, EmailAddress email) {
        RowQuery withEmail = RowQuery.where("r.emailKey = :email")
                .bind("email", Require.notNull(email, "email").normalized());
        return users.page(tenant, withEmail, PageRequest.first(1)).items().stream()
                .findFirst();
    }

    @Override
    public Page<User> findAll(TenantId tenant, PageRequest page) {
        return users.page(tenant, RowQuery.all().orderBy(UserMapping.NAME_ORDER), page);
    }
}
