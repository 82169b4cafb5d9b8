package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Stores users. All arguments are required; queries see only the given tenant's users. Thread-safe.
 */
public interface UserRepository {

    Optional<User> findById(TenantId tenant, UserId id);

    /** Optimistic save as in {@link ContactRepository#save}. */
    User save(User user);

    /** The user with the email, compared by {@link EmailAddress#normalized()}; the oldest by id if there are several. */
    Optional<User> findByEmail(TenantId tenant, EmailAddress email);

    /** All users, by name ignoring case, then id. */
    Page<User> findAll(TenantId tenant, PageRequest page);
}
