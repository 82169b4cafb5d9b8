package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadConversion;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.score.CustomerScore;

/**
 * The analytics' scores of the calling tenant's customers (see {@link CustomerScore}): written back by a score
 * refresh (crm-analytics' {@code CustomerScoreRefresh}) or by the host's own analytics, and read by offers, lead
 * and deal views ({@link #scoreForLead}, {@link #scoreForOpportunity}) and workflows. A customer is an account or a contact; a contact without a score of
 * its own is scored as the account it works at. Reads and writes see only the customers the acting user may read:
 * another's is not found. Thread-safe.
 */
public final class Scores {

    private final UseCases useCases;

    Scores(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * Stores the score, replacing the customer's earlier one; {@code RecordNotFoundException} when the account or
     * contact does not exist (or the acting user may not read it).
     */
    public void record(CustomerScore score) {
        Require.notNull(score, "score");
        useCases.write(() -> {
            requireCustomer(score.customer());
            useCases.storage.customerScores().save(useCases.tenant(), score);
            return null;
        });
    }

    /**
     * Stores the scores in one transaction, each as {@link #record(CustomerScore)} does: when one customer is not
     * found, none is stored.
     */
    public void recordAll(List<CustomerScore> scores) {
        List<CustomerScore> checked = Require.noNulls(scores, "scores");
        useCases.write(() -> {
            checked.forEach(this::record);
            return null;
        });
    }

    /** The customer's own score, if it has one; {@code RecordNotFoundException} for an unknown customer. */
    public Optional<CustomerScore> scoreOf(RecordRef customer) {
        Require.notNull(customer, "customer");
        requireCustomer(customer);
        return useCases.storage.customerScores().find(useCases.tenant(), customer);
    }

    /** The account's score, if it has one. */
    public Optional<CustomerScore> scoreOf(AccountId account) {
        return scoreOf(RecordRef.account(Require.notNull(account, "account")));
    }

    /**
     * The score that stands for the contact on {@code date}: its own if it has one, else that of the first account
     * it works at on that day that has one (accounts in the order they were linked). Empty when neither has one.
     */
    public Optional<CustomerScore> scoreForContact(ContactId contactId, LocalDate date) {
        Require.notNull(contactId, "contact");
        Require.notNull(date, "date");
        Contact contact = Reads.found(useCases.contacts().findById(useCases.tenant(), contactId), "Contact", contactId);
        return scoreForContact(contact, date);
    }

    /** As {@link #scoreForContact(ContactId, LocalDate)} for a contact already read. */
    Optional<CustomerScore> scoreForContact(Contact contact, LocalDate date) {
        Optional<CustomerScore> own =
                useCases.storage.customerScores().find(useCases.tenant(), RecordRef.contact(contact.id()));
        if (own.isPresent()) {
            return own;
        }
        for (AccountId account : contact.accountsOn(date)) {
            Optional<CustomerScore> accounts =
                    useCases.storage.customerScores().find(useCases.tenant(), RecordRef.account(account));
            if (accounts.isPresent()) {
                return accounts;
            }
        }
        return Optional.empty();
    }

    /**
     * The score of the account a deal is with, for the deal's view; empty when the account has none. {@code
     * RecordNotFoundException} when the deal does not exist (or the acting user may not read it).
     */
    public Optional<CustomerScore> scoreForOpportunity(OpportunityId opportunityId) {
        Require.notNull(opportunityId, "opportunity");
        Opportunity opportunity = Reads.found(
                useCases.opportunities().findById(useCases.tenant(), opportunityId), "Opportunity", opportunityId);
        return useCases.storage.customerScores().find(useCases.tenant(), RecordRef.account(opportunity.account()));
    }

    /**
     * The score of the customer a converted lead became, for the lead's view: {@link #scoreForContact} of its contact
     * today, else its account's; empty for a lead not converted (it is no customer yet). {@code
     * RecordNotFoundException} when the lead does not exist (or the acting user may not read it).
     */
    public Optional<CustomerScore> scoreForLead(LeadId leadId) {
        Require.notNull(leadId, "lead");
        Lead lead = Reads.found(useCases.leads().findById(useCases.tenant(), leadId), "Lead", leadId);
        LeadConversion conversion = lead.conversion();
        if (conversion == null) {
            return Optional.empty();
        }
        Optional<CustomerScore> ofContact = useCases.contacts()
                .findById(useCases.tenant(), conversion.contact())
                .flatMap(contact -> scoreForContact(contact, LocalDate.now(useCases.clock)));
        return ofContact.isPresent()
                ? ofContact
                : useCases.storage.customerScores().find(useCases.tenant(), RecordRef.account(conversion.account()));
    }

    /** Every score of the tenant, accounts before contacts, by customer id. */
    public Page<CustomerScore> scores(PageRequest page) {
        return useCases.storage.customerScores().findAll(useCases.tenant(), Require.notNull(page, "page"));
    }

    /** Removes the customer's score (a customer who should no longer be judged by it); false when it had none. */
    public boolean remove(RecordRef customer) {
        Require.notNull(customer, "customer");
        return useCases.write(() -> useCases.storage.customerScores().delete(useCases.tenant(), customer));
    }

    private void requireCustomer(RecordRef customer) {
        if (customer.type() == RecordType.ACCOUNT) {
            AccountId id = AccountId.of(customer.id());
            Reads.found(useCases.accounts().findById(useCases.tenant(), id), "Account", id);
        } else {
            ContactId id = ContactId.of(customer.id());
            Reads.found(useCases.contacts().findById(useCases.tenant(), id), "Contact", id);
        }
    }
}
