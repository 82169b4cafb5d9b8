package org.crmkit.testkit;

import java.time.LocalDate;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.testkit.fixtures.LeadMother;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the visibility contracts of the records that hang off others share: besides {@link VisibilityFixture}'s
 * viewer, an account in the viewer's territory, one shared with its team and a hidden one of a stranger, a contact
 * of its team mate and a hidden one, the viewer's own lead and a deal shared with it.
 */
public abstract class ChildRecordFixture extends VisibilityFixture {

    protected static final LocalDate DUE = LocalDate.of(2026, 2, 1);

    protected AccountId territoryAccount;
    protected AccountId sharedAccount;
    protected AccountId hiddenAccount;
    protected ContactId visibleContact;
    protected ContactId hiddenContact;
    protected RecordRef visibleLead;
    protected RecordRef visibleDeal;

    @BeforeEach
    void visibleAndHiddenAccountsContactsLeadsAndDeals() {
        territoryAccount = saveAccount(stranger, viewersTerritory);
        sharedAccount = saveAccount(stranger, otherTerritory);
        share(RecordRef.account(sharedAccount), team.id());
        hiddenAccount = saveAccount(stranger, otherTerritory);
        visibleContact = saveContact(mate.id());
        hiddenContact = saveContact(stranger);
        Lead lead = LeadMother.aLead(TENANT_A, ids, clock);
        lead.assignTo(viewer.id(), clock);
        visibleLead =
                RecordRef.lead(inTransaction(() -> storage.leads().save(lead)).id());
        Pipeline pipeline = inTransaction(() -> storage.pipelines().save(SalesMother.aPipeline(TENANT_A, ids, clock)));
        Opportunity deal = inTransaction(() -> storage.opportunities()
                .save(SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline, hiddenAccount, stranger, DUE)));
        visibleDeal = RecordRef.opportunity(deal.id());
        share(visibleDeal, viewer.id());
    }

    protected AccountId saveAccount(UserId owner, TerritoryId territory) {
        Account account = Account.register(
                TENANT_A, AccountId.next(ids), NewAccount.of(NAME, owner).withTerritory(territory), clock);
        return inTransaction(() -> storage.accounts().save(account)).id();
    }

    protected ContactId saveContact(UserId owner) {
        Contact contact = Contact.register(
                TENANT_A,
                ContactId.next(ids),
                NewContact.of(PersonName.of("Ann", NAME), owner).withTerritory(otherTerritory),
                clock);
        return inTransaction(() -> storage.contacts().save(contact)).id();
    }
}
