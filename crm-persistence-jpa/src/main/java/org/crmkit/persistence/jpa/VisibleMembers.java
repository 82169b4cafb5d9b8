package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The conditions on a row {@code r} of {@code crm_campaign_member} that a {@link Visibility} lets through: its
 * campaign visible (its row checked by primary key with the owner's and the shares' condition of {@link
 * VisibleRows}, or no check when the visibility reads every campaign) and the contact or lead it is visible (as
 * {@link VisibleChildren#visibleParent} checks a parent). Correlated {@code exists} by primary key, so that a page of
 * members reads its own rows in key order and checks each.
 */
final class VisibleMembers {

    private static final VisibleChildren.Parent CONTACT =
            new VisibleChildren.Parent(RecordType.CONTACT, "r.memberId", "r.memberType = 'CONTACT'");
    private static final VisibleChildren.Parent LEAD =
            new VisibleChildren.Parent(RecordType.LEAD, "r.memberId", "r.memberType = 'LEAD'");

    private final Visibility visibility;

    VisibleMembers(Visibility visibility) {
        this.visibility = Require.notNull(visibility, "visibility");
    }

    /** The condition that member row {@code r} is visible, with its parameters bound (the tenant's is the caller's). */
    RowQuery condition(EntityManager entityManager, TenantId tenant) {
        VisibleRows.Grants grants = VisibleRows.Grants.read(visibility, entityManager, tenant, false);
        List<String> parts = new ArrayList<>();
        if (!visibility.readsEvery(RecordType.CAMPAIGN)) {
            parts.add("exists (select 1 from CampaignRow c where c.tenantId = :tenant and c.id = r.campaignId and ("
                    + grants.on("c", null) + "))");
        }
        parts.add("(" + VisibleChildren.visibleParent(visibility, CONTACT, "p0", grants) + " or "
                + VisibleChildren.visibleParent(visibility, LEAD, "p1", grants) + ")");
        return grants.bindTo(RowQuery.where(String.join(" and ", parts)));
    }

    /** Whether the visibility lets the campaign through (one read of its row by primary key). */
    boolean seesCampaign(EntityManager entityManager, TenantId tenant, UUID campaign) {
        if (visibility.readsEvery(RecordType.CAMPAIGN)) {
            return true;
        }
        VisibleRows.Grants grants = VisibleRows.Grants.read(visibility, entityManager, tenant, false);
        RowQuery visible = grants.bindTo(RowQuery.where(grants.on("r", null)));
        TypedQuery<Long> query = entityManager.createQuery(
                "select count(r) from CampaignRow r where r.tenantId = :tenant and r.id = :campaign and ("
                        + visible.condition() + ")",
                Long.class);
        return bind(query, visible)
                        .setParameter("tenant", tenant.value())
                        .setParameter("campaign", campaign)
                        .getSingleResult()
                > 0;
    }

    /** The query with the condition's parameters bound. */
    static <T> TypedQuery<T> bind(TypedQuery<T> query, RowQuery condition) {
        for (Map.Entry<String, Object> parameter : condition.parameters().entrySet()) {
            query.setParameter(parameter.getKey(), parameter.getValue());
        }
        return JpaTransactions.withoutAutoFlush(query);
    }
}
