package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;

/**
 * What an upsert by external reference changes on a stored deal (see {@link Sales#upsertOpportunity}): the parts the
 * other system may go on changing are set, the parts fixed once a deal is open must be the same.
 */
final class OpportunitySync {

    private final UseCases useCases;

    OpportunitySync(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Changes {@code stored} to match {@code given} and names the changed fields; refuses other fixed parts. */
    List<String> changes(ExternalRef ref, Opportunity stored, NewOpportunity given) {
        new SameContent()
                .field("name", stored.name(), given.name())
                .field("account", stored.account(), given.account())
                .field("pipeline", stored.pipeline(), given.pipeline())
                .field("currency", stored.currency(), given.currency())
                .field("originLead", stored.originLead(), given.originLead())
                .field("campaign", stored.campaign(), given.campaign())
                .orRefuse("Opportunity", ref, stored.id());
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(stored.amount(), given.amount())) {
            stored.estimateAmount(given.amount(), useCases.clock);
            changed.add("amount");
        }
        if (!Objects.equals(stored.expectedCloseDate(), given.expectedCloseDate())) {
            stored.expectToCloseOn(given.expectedCloseDate());
            changed.add("expectedCloseDate");
        }
        if (!Objects.equals(stored.primaryContact(), given.primaryContact())) {
            useCases.references.contact(given.primaryContact(), "primaryContact");
            stored.makePrimaryContact(given.primaryContact());
            changed.add("primaryContact");
        }
        if (!Objects.equals(stored.owner(), given.owner())) {
            stored.assignTo(given.owner());
            changed.add("owner");
        }
        return changed;
    }
}
