package org.crmkit.core.inmemory;

import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.LeadRepository;
import org.crmkit.core.spi.OpportunityRepository;

/**
 * Which owned records (contacts, accounts, leads, opportunities) a visibility lets through, for the repositories of
 * the records that hang off them: a child is visible when its assignee is among the visibility's owners or one of
 * the records it hangs off is visible (every record of a type the visibility {@link Visibility#readsEvery reads}).
 */
final class InMemoryVisibleParents {

    /** What the rule reads of a child record's state. */
    interface Parents<S> {
        TenantId tenant(S state);

        Collection<RecordRef> parents(S state);

        /** The assignee, or null when the record has none. */
        default UserId assignee(S state) {
            return null;
        }
    }

    /** The rule's view of a record that hangs off an account only (an invoice, a payment, a credit note). */
    static <S> Parents<S> ofAccount(Function<S, TenantId> tenant, Function<S, AccountId> account) {
        return new Parents<>() {
            @Override
            public TenantId tenant(S state) {
                return tenant.apply(state);
            }

            @Override
            public Collection<RecordRef> parents(S state) {
                return List.of(RecordRef.account(account.apply(state)));
            }
        };
    }

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final LeadRepository leads;
    private final OpportunityRepository opportunities;

    InMemoryVisibleParents(
            ContactRepository contacts,
            AccountRepository accounts,
            LeadRepository leads,
            OpportunityRepository opportunities) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.leads = leads;
        this.opportunities = opportunities;
    }

    /** The filter of child states that the visibility lets through. */
    <S> Predicate<S> visibleTo(Visibility visibility, Parents<S> child) {
        if (visibility.seesEverything()) {
            return state -> true;
        }
        BiPredicate<TenantId, RecordRef> owned = owned(visibility);
        return state -> {
            UserId assignee = child.assignee(state);
            if (assignee != null && visibility.owners().contains(assignee)) {
                return true;
            }
            TenantId tenant = child.tenant(state);
            return child.parents(state).stream().anyMatch(parent -> owned.test(tenant, parent));
        };
    }

    /** Whether the visibility lets an owned record through, by its reference; false for records of other types. */
    BiPredicate<TenantId, RecordRef> owned(Visibility visibility) {
        ContactRepository visibleContacts = contacts.visibleTo(visibility);
        AccountRepository visibleAccounts = accounts.visibleTo(visibility);
        LeadRepository visibleLeads = leads.visibleTo(visibility);
        OpportunityRepository visibleDeals = opportunities.visibleTo(visibility);
        return (tenant, record) -> {
            if (visibility.readsEvery(record.type())) {
                return true;
            }
            return switch (record.type()) {
                case CONTACT ->
                    visibleContacts.findById(tenant, ContactId.of(record.id())).isPresent();
                case ACCOUNT ->
                    visibleAccounts.findById(tenant, AccountId.of(record.id())).isPresent();
                case LEAD ->
                    visibleLeads.findById(tenant, LeadId.of(record.id())).isPresent();
                case OPPORTUNITY ->
                    visibleDeals.findById(tenant, OpportunityId.of(record.id())).isPresent();
                default -> false;
            };
        };
    }
}
