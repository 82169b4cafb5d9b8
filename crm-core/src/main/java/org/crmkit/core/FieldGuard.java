package org.crmkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
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

    /** How the guard reads and replaces the restricted fields of one aggregate type, and finds its stored copy. */
    private record Secured<A extends AggregateRoot<?>, S>(
            RecordType type,
            Class<A> aggregate,
            Function<A, S> state,
            Function<S, A> restore,
            BiFunction<S, SecuredField, Object> value,
            TriFunction<S, SecuredField, Object, S> with,
            Function<A, RecordRef> ref,
            Function<A, Optional<A>> stored) {

        /** The state with each of the fields set to its {@code replacement} value (null: absent). */
        S replaced(S state, List<SecuredField> fields, Function<SecuredField, Object> replacement) {
            S result = state;
            for (SecuredField field : fields) {
                result = with.apply(result, field, replacement.apply(field));
            }
            return result;
        }
    }

    @FunctionalInterface
    private interface TriFunction<T, U, V, R> {
        R apply(T t, U u, V v);
    }

    private final UseCases useCases;
    private final FieldSecurity security;
    private final Secured<Contact, ContactState> contacts;
    private final Secured<Account, AccountState> accounts;

    FieldGuard(UseCases useCases, FieldSecurity security) {
        this.useCases = useCases;
        this.security = security;
        this.contacts = new Secured<>(
                RecordType.CONTACT,
                Contact.class,
                Contact::state,
                Contact::restore,
                SecuredFieldValues::value,
                SecuredFieldValues::with,
                contact -> RecordRef.contact(contact.id()),
                contact -> useCases.storage.contacts().findById(contact.tenant(), contact.id()));
        this.accounts = new Secured<>(
                RecordType.ACCOUNT,
                Account.class,
                Account::state,
                Account::restore,
                SecuredFieldValues::value,
                SecuredFieldValues::with,
                account -> RecordRef.account(account.id()),
                account -> useCases.storage.accounts().findById(account.tenant(), account.id()));
    }

    /**
     * How the actor reads contacts: each without the fields it may not read; empty when it reads every field. The
     * actor's roles are read once, by this call.
     */
    Optional<UnaryOperator<Contact>> contactMask() {
        return mask(contacts);
    }

    /** How the actor reads accounts, as {@link #contactMask()}. */
    Optional<UnaryOperator<Account>> accountMask() {
        return mask(accounts);
    }

    private <A extends AggregateRoot<?>, S> Optional<UnaryOperator<A>> mask(Secured<A, S> secured) {
        return restrictedRoles().map(roles -> {
            List<SecuredField> hidden = unreadable(secured, roles);
            return aggregate ->
                    secured.restore().apply(secured.replaced(secured.state().apply(aggregate), hidden, field -> null));
        });
    }

    /**
     * The stored contact or account to save for the actor: a field it may not read and that is absent (as it read
     * it) takes the stored value. Other aggregates, new records and unrestricted actors are saved as they are.
     */
    <A extends AggregateRoot<?>> A keptHidden(A changed) {
        if (contacts.aggregate().isInstance(changed)) {
            return keptHidden(contacts, changed);
        }
        return accounts.aggregate().isInstance(changed) ? keptHidden(accounts, changed) : changed;
    }

    private <A extends AggregateRoot<?>, S, C extends AggregateRoot<?>> C keptHidden(Secured<A, S> secured, C changed) {
        Optional<Set<Role>> roles = restrictedRoles();
        if (roles.isEmpty() || changed.version() == 0) {
            return changed;
        }
        A record = secured.aggregate().cast(changed);
        Optional<A> stored = secured.stored().apply(record);
        if (stored.isEmpty()) {
            return changed;
        }
        S state = secured.state().apply(record);
        S storedState = secured.state().apply(stored.get());
        List<SecuredField> absent = unreadable(secured, roles.get()).stream()
                .filter(field -> secured.value().apply(state, field) == null)
                .toList();
        @SuppressWarnings("unchecked") // C is A: the caller tested the aggregate's class
        C kept = (C) secured.restore()
                .apply(secured.replaced(state, absent, field -> secured.value().apply(storedState, field)));
        return kept;
    }

    /**
     * Refuses, with a {@link FieldAccessDeniedException} naming the field, the record, and the user, a contact or
     * account whose restricted field the actor may not edit differs from the stored one (from absent, when new).
     */
    void requireEditable(AggregateRoot<?> changed) {
        if (contacts.aggregate().isInstance(changed)) {
            requireEditable(contacts, contacts.aggregate().cast(changed));
        } else if (accounts.aggregate().isInstance(changed)) {
            requireEditable(accounts, accounts.aggregate().cast(changed));
        }
    }

    private <A extends AggregateRoot<?>, S> void requireEditable(Secured<A, S> secured, A changed) {
        Optional<Set<Role>> roles = restrictedRoles();
        if (roles.isEmpty()) {
            return;
        }
        Optional<S> stored = changed.version() == 0
                ? Optional.empty()
                : secured.stored().apply(changed).map(secured.state());
        S state = secured.state().apply(changed);
        for (SecuredField field : security.restrictedFields(secured.type())) {
            Object before = stored.map(s -> secured.value().apply(s, field)).orElse(null);
            if (!Objects.equals(before, secured.value().apply(state, field)) && !security.mayEdit(field, roles.get())) {
                throw new FieldAccessDeniedException(
                        field.toString(),
                        secured.ref().apply(changed),
                        useCases.actor().id());
            }
        }
    }

    private List<SecuredField> unreadable(Secured<?, ?> secured, Set<Role> roles) {
        return security.restrictedFields(secured.type()).stream()
                .filter(field -> !security.mayRead(field, roles))
                .toList();
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
