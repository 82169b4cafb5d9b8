package org.crmkit.core.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Everything an {@link Opportunity} consists of, as storage keeps it. Nullable: {@code primaryContact},
 * {@code amount}, {@code expectedCloseDate}, {@code probabilityOverride}, {@code nextStep}, {@code closeReason},
 * {@code competitor}, {@code closedAt}, {@code staleAlert}, {@code originLead}, {@code campaign}. Lists are in the
 * order they were added ({@code stageHistory} and {@code approvals} oldest first); {@code customFields} is keyed by
 * field name. {@code externalRefs} are the deal's references in other systems (null reads as none, so that deals
 * stored before read as having none).
 */
public record OpportunityState(
        TenantId tenant,
        OpportunityId id,
        long version,
        String name,
        AccountId account,
        ContactId primaryContact,
        PipelineId pipeline,
        StageId stage,
        Instant stageEnteredAt,
        OpportunityStatus status,
        Currency currency,
        Money amount,
        LocalDate expectedCloseDate,
        UserId owner,
        Integer probabilityOverride,
        String nextStep,
        List<ContactRole> contactRoles,
        List<LineItem> lineItems,
        List<StageChange> stageHistory,
        List<GateApproval> approvals,
        String closeReason,
        String competitor,
        Instant closedAt,
        StaleAlert staleAlert,
        Map<String, FieldValue> customFields,
        LeadId originLead,
        CampaignId campaign,
        Instant createdAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<OpportunityState> {

    public OpportunityState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(account, "account");
        Require.notNull(pipeline, "pipeline");
        Require.notNull(stage, "stage");
        Require.notNull(stageEnteredAt, "stageEnteredAt");
        Require.notNull(status, "status");
        Require.notNull(currency, "currency");
        Require.notNull(owner, "owner");
        Require.notNull(createdAt, "createdAt");
        contactRoles = Require.noNulls(contactRoles, "contactRoles");
        lineItems = Require.noNulls(lineItems, "lineItems");
        stageHistory = Require.noNulls(stageHistory, "stageHistory");
        approvals = Require.noNulls(approvals, "approvals");
        customFields = Map.copyOf(Require.notNull(customFields, "customFields"));
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public OpportunityState withVersion(long version) {
        return new OpportunityState(
                tenant,
                id,
                version,
                name,
                account,
                primaryContact,
                pipeline,
                stage,
                stageEnteredAt,
                status,
                currency,
                amount,
                expectedCloseDate,
                owner,
                probabilityOverride,
                nextStep,
                contactRoles,
                lineItems,
                stageHistory,
                approvals,
                closeReason,
                competitor,
                closedAt,
                staleAlert,
                customFields,
                originLead,
                campaign,
                createdAt,
                externalRefs);
    }
}
