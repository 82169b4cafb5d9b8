package org.crmkit.core.merge;

import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Require;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.service.ServiceCaseState;

/**
 * Every record of crmkit's storage a merge changed or deleted, as it was just before the merge (with the version it
 * had then): the survivor, the merged records and every related record moved to the survivor. A merge saves each
 * of them once, so a record is unchanged since the merge while its stored version is this version plus one (the
 * merged records, deleted by the merge, are not stored at all). The campaign memberships of the merged contacts are
 * kept with what the merge did with each ({@link MergedMembership}). Lists may be empty, never null ({@code
 * campaignMembers} given as null, as merge records stored before crmkit's schema 26 have it, is empty).
 */
public record MergeBeforeImage(
        List<ContactState> contacts,
        List<AccountState> accounts,
        List<LeadState> leads,
        List<ActivityState> activities,
        List<TaskState> tasks,
        List<OpportunityState> opportunities,
        List<InvoiceState> invoices,
        List<PaymentState> payments,
        List<CreditNoteState> creditNotes,
        List<ServiceCaseState> cases,
        List<MergedMembership> campaignMembers) {

    public MergeBeforeImage {
        contacts = Require.noNulls(contacts, "contacts");
        accounts = Require.noNulls(accounts, "accounts");
        leads = Require.noNulls(leads, "leads");
        activities = Require.noNulls(activities, "activities");
        tasks = Require.noNulls(tasks, "tasks");
        opportunities = Require.noNulls(opportunities, "opportunities");
        invoices = Require.noNulls(invoices, "invoices");
        payments = Require.noNulls(payments, "payments");
        creditNotes = Require.noNulls(creditNotes, "creditNotes");
        cases = Require.noNulls(cases, "cases");
        // merge records stored before schema 26 kept campaign states instead and have no memberships
        campaignMembers = campaignMembers == null ? List.of() : Require.noNulls(campaignMembers, "campaignMembers");
    }

    /** Every aggregate state of the image (not the memberships), in the order of the components. */
    public List<AggregateState<?>> all() {
        return Stream.of(
                        contacts,
                        accounts,
                        leads,
                        activities,
                        tasks,
                        opportunities,
                        invoices,
                        payments,
                        creditNotes,
                        cases)
                .<AggregateState<?>>flatMap(List::stream)
                .toList();
    }
}
