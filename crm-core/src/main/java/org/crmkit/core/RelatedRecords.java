package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Storage;

/**
 * The records of crmkit's storage that may refer to the contacts or accounts being merged away, read in the
 * merge's transaction, each once. For contacts: what {@link SubjectRecords} finds for each (activities, tasks,
 * cases, opportunities, their own campaign memberships, the leads converted into it or sharing its e-mail or phone). For accounts: the
 * activities on their timelines, linked tasks, cases, opportunities (and the leads they came from), invoices,
 * payments, credit notes, the contacts with a link to them current today, the accounts with a parent link to them
 * current today, and the leads of the accounts' names. A found record need not refer to a merged one: moving
 * leaves such a record as it is.
 */
final class RelatedRecords {

    final Map<Object, Activity> activities = new LinkedHashMap<>();
    final Map<Object, Task> tasks = new LinkedHashMap<>();
    final Map<Object, ServiceCase> cases = new LinkedHashMap<>();
    final Map<Object, Opportunity> opportunities = new LinkedHashMap<>();
    /** The campaign memberships of the merged contacts themselves. */
    final List<CampaignMember> memberships = new ArrayList<>();

    final Map<Object, Lead> leads = new LinkedHashMap<>();
    final Map<Object, Invoice> invoices = new LinkedHashMap<>();
    final Map<Object, Payment> payments = new LinkedHashMap<>();
    final Map<Object, CreditNote> creditNotes = new LinkedHashMap<>();
    final Map<Object, Contact> linkedContacts = new LinkedHashMap<>();
    final Map<Object, Account> childAccounts = new LinkedHashMap<>();

    static RelatedRecords ofContacts(UseCases useCases, List<Contact> merged) {
        RelatedRecords related = new RelatedRecords();
        for (Contact contact : merged) {
            SubjectRecords records = SubjectRecords.of(useCases, RecordRef.contact(contact.id()));
            add(related.activities, records.activities);
            add(related.tasks, records.tasks);
            add(related.cases, records.cases);
            add(related.opportunities, records.opportunities);
            records.memberships.stream()
                    .filter(membership -> membership.member().equals(RecordRef.contact(contact.id())))
                    .forEach(related.memberships::add);
            add(related.leads, records.leads);
        }
        related.addOriginLeads(useCases);
        return related;
    }

    /** {@code involved}: the survivor and the merged accounts, which are not moved as children. */
    static RelatedRecords ofAccounts(UseCases useCases, List<Account> merged, Set<UUID> involved) {
        RelatedRecords related = new RelatedRecords();
        TenantId tenant = useCases.tenant();
        Storage storage = useCases.storage;
        LocalDate today = LocalDate.now(useCases.clock);
        for (Account account : merged) {
            RecordRef ref = RecordRef.account(account.id());
            add(
                    related.activities,
                    Reads.everyPage(page -> storage.activities().timeline(tenant, ref, TimelineFilter.ALL, page)));
            add(related.tasks, Reads.everyPage(page -> storage.tasks().findByLink(tenant, ref, page)));
            add(related.cases, Reads.everyPage(page -> storage.cases().findByAccount(tenant, account.id(), page)));
            add(related.opportunities, storage.opportunities().findByAccount(tenant, account.id()));
            add(
                    related.invoices,
                    Reads.everyPage(page -> storage.invoices().findByAccount(tenant, account.id(), page)));
            add(
                    related.payments,
                    Reads.everyPage(page -> storage.payments().findByAccount(tenant, account.id(), page)));
            add(
                    related.creditNotes,
                    Reads.everyPage(page -> storage.creditNotes().findByAccount(tenant, account.id(), page)));
            add(
                    related.linkedContacts,
                    Reads.everyPage(page -> storage.contacts().findByAccount(tenant, account.id(), today, page)));
            Reads.everyPage(page -> storage.accounts().findChildren(tenant, account.id(), today, page)).stream()
                    .filter(child -> !involved.contains(child.id().value()))
                    .forEach(child -> related.childAccounts.putIfAbsent(child.id(), child));
            add(related.leads, storage.leads().findByCompanyName(tenant, account.name()));
        }
        related.addOriginLeads(useCases);
        return related;
    }

    /** The leads the found opportunities were converted from. */
    private void addOriginLeads(UseCases useCases) {
        for (Opportunity opportunity : List.copyOf(opportunities.values())) {
            if (opportunity.state().originLead() != null) {
                useCases.storage
                        .leads()
                        .findById(useCases.tenant(), opportunity.state().originLead())
                        .ifPresent(lead -> leads.putIfAbsent(lead.id(), lead));
            }
        }
    }

    private static <A extends AggregateRoot<?>> void add(Map<Object, A> into, Collection<A> found) {
        found.forEach(record -> into.putIfAbsent(record.id(), record));
    }
}
