package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.marketing.CampaignState;

/**
 * Campaigns in {@code crm_campaign}. Query columns: the status, the first and last day of the period, and the owner
 * (null: none), for visibility (schema 33). No lookup keys: the members are rows of their own in {@code
 * crm_campaign_member} (see {@link JpaCampaignMemberRepository}).
 */
final class CampaignMapping implements AggregateMapping<CampaignState, CampaignRow> {

    /** Period start, then id. */
    static final String START_ORDER = "r.periodStart, r.id";

    @Override
    public String recordType() {
        return "Campaign";
    }

    @Override
    public Class<CampaignState> stateType() {
        return CampaignState.class;
    }

    @Override
    public Class<CampaignRow> rowType() {
        return CampaignRow.class;
    }

    @Override
    public CampaignRow newRow() {
        return new CampaignRow();
    }

    @Override
    public void writeColumns(CampaignState state, CampaignRow row) {
        row.status = state.status().name();
        row.periodStart = state.period().start();
        row.periodEnd = state.period().end();
        row.ownerId = AggregateMapping.uuid(state.owner());
    }

    @Override
    public List<LookupKey> lookupKeys(CampaignState state) {
        return List.of();
    }
}
