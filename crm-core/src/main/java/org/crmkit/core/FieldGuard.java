package org.crmkit.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crmkit.core.access.FieldSecurity;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SecuredField;
import org.crmkit.core.access.User;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.FieldAccessDeniedException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;

/**
 * Field-level security applied to the acting user. Contacts and accounts read through the use cases come without
 * the fields it may not read ({@link #contactMask}); when such a record is saved, a field it may not read that is absent
 * keeps its stored value ({@link #keptHidden}), and a restricted field it may not edit must equal the stored one
 * (absent for a new record), or the save is refused naming the field ({@link #requireEditable}). The system actor
 * and an active administrator are not restricted; an actor that is no crmkit user has no roles.
 */
final class FieldGuard {

    private final UseCases useCases;
    private final FieldSecurity security;

    FieldGuard(UseCases useCases, FieldSecurity security) {
        this.useCases = useCases;
        this.security = security;
    }

    /**
     * How the actor reads contacts: each without the fields it may not read; empty when it reads every field. The
     * actor's roles are read once, by this call.
     */
    Optional<UnaryOperator<Contact>> contactMask() {
        return restrictedRoles().map(roles -> contact -> {
            ContactState state = contact.state();
            for (SecuredField field : security.restrictedFields(RecordType.CONTACT)) {
                if (!security.mayRead(field, roles)) {
                    state = SecuredFieldValues.with(state, field, null);
                }
            }
            return Contact.restore(state);
        });
    }

    /** How the actor reads accounts, as {@link #contactMask()}. */
    Optional<UnaryOperator<Account>> accountMask() {
        return restrictedRoles().map(roles -> account -> {
            AccountState state = account.state();
            for (SecuredField field : security.restrictedFields(RecordType.ACCOUNT)) {
                if (!security.mayRead(field, roles)) {
                    state = SecuredFieldValues.with(state, field, null);
                }
            }
            return Account.restore(state);
        });
    }

    /**
     * The stored contact or account to save for the actor: a field it may not read and that is absent (as it read
     * it) takes the stored value. Other aggregates, new records and unrestricted actors are saved as they are.
     */
    @SuppressWarnings("unchecked") // each branch returns the type it tested
    <A extends AggregateRoot<?>> A keptHidden(A changed) {
        Optional<Set<Role>> roles = restrictedRoles();
        if (roles.isEmpty() || changed.version() == 0) {
            return changed;
        }
        if (changed instanceof Contact contact) {
            Optional<Contact> stored = useCases.storage.contacts().findById(contact.tenant(), contact.id());
            if (stored.isEmpty()) {
                return changed;
            }
            ContactState state = contact.state();
            for (SecuredField field : security.restrictedFields(RecordType.CONTACT)) {
                if (!security.mayRead(field, roles.get()) && SecuredFieldValues.value(state, field) == null) {
                    state = SecuredFieldValues.with(
                            state, field, SecuredFieldValues.value(stored.get().state(), field));
                }
            }
            return (A) Contact.restore(state);
        }
        if (changed instanceof Account account) {
            Optional<Account> stored = useCases.storage.accounts().findById(account.tenant(), account.id());
            if (stored.isEmpty()) {
                return changed;
            }
            AccountState state = account.state();
            for (SecuredField field : security.restrictedFields(RecordType.ACCOUNT)) {
                if (!security.mayRead(field, roles.get()) && SecuredFieldValues.value(state, field) == null) {
                    state = SecuredFieldValues.with(
                            state, field, SecuredFieldValues.value(stored.get().state(), field));
                }
            }
            return (A) Account.restore(state);
        }
        return changed;
    }

    /**
     * Refuses, with a {@link FieldAccessDeniedException} naming the field, the record, and the user, a contact or
     * account whose restricted field the actor may not edit differs from the stored one (from absent, when new).
     */
    void requireEditable(AggregateRoot<?> changed) {
        Optional<Set<Role>> roles = restrictedRoles();
        if (roles.isEmpty()) {
            return;
        }
        if (changed instanceof Contact contact) {
            Optional<ContactState> stored = contact.version() == 0
                    ? Optional.empty()
                    : useCases.storage
                            .contacts()
                            .findById(contact.tenant(), contact.id())
                            .map(Contact::state);
            for (SecuredField field : security.restrictedFields(RecordType.CONTACT)) {
                requireUnchangedUnlessEditable(
                        field,
                        roles.get(),
                        stored.map(state -> SecuredFieldValues.value(state, field))
                                .orElse(null),
                        SecuredFieldValues.value(contact.state(), field),
                        RecordRef.contact(contact.id()));
            }
        } else if (changed instanceof Account account) {
            Optional<AccountState> stored = account.version() == 0
                    ? Optional.empty()
                    : useCases.storage
                            .accounts()
                            .findById(account.tenant(), account.id())
                            .map(Account::state);
            for (SecuredField field : security.restrictedFields(RecordType.ACCOUNT)) {
                requireUnchangedUnlessEditable(
                        field,
                        roles.get(),
                        stored.map(state -> SecuredFieldValues.value(state, field))
                                .orElse(null),
                        SecuredFieldValues.value(account.state(), field),
                        RecordRef.account(account.id()));
            }
        }
    }

    private void requireUnchangedUnlessEditable(
            SecuredField field, Set<Role> roles, Object before, Object after, RecordRef record) {
        if (!Objects.equals(before, after) && !security.mayEdit(field, roles)) {
            throw new FieldAccessDeniedException(
                    field.toString(), record, useCases.actor().id());
        }
    }

    /** The actor's roles when field security restricts it, empty when it reads and edits every field. */
    private Optional<Set<Role>> restrictedRoles() {
        if (!security.restrictsAnything() || useCases.actor().equals(Actor.SYSTEM)) {
            return Optional.empty();
        }
        Optional<User> user = useCases.actingUser().filter(User::isActive);
        if (user.isPresent() && user.get().hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(user.map(User::roles).orElse(Set.of()));
    }
}
