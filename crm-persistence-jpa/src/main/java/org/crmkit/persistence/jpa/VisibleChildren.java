package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The condition on a row {@code r} of a table of records that hang off the owned ones (activities, tasks, cases,
 * invoices, payments, credit notes) that a {@link Visibility} lets through: the assignee among the visible owners
 * (tasks and cases), or one of the records it hangs off visible, checked by its primary key in the parent's table
 * with the parent's condition ({@link VisibleRows.Grants}), or of a type that the visibility {@link
 * Visibility#readsEvery reads every record of}. A correlated {@code exists} per parent, so that a page reads its own
 * rows and checks each by index.
 */
final class VisibleChildren implements RowFilter {

    /** The entity of each owned record type's table. */
    private static final Map<RecordType, String> OWNED_TABLES = new EnumMap<>(Map.of(
            RecordType.CONTACT, "ContactRow",
            RecordType.ACCOUNT, "AccountRow",
            RecordType.LEAD, "LeadRow",
            RecordType.OPPORTUNITY, "OpportunityRow"));

    /** How a child row names a parent of a type: the JPQL of its id, true only where {@code guard} holds (or null). */
    record Parent(RecordType type, String id, String guard) {}

    private final Visibility visibility;
    private final String assignee;
    private final List<Parent> parents;
    private final String activityKey;

    private VisibleChildren(Visibility visibility, String assignee, List<Parent> parents, String activityKey) {
        this.visibility = Require.notNull(visibility, "visibility");
        this.assignee = assignee;
        this.parents = parents;
        this.activityKey = activityKey;
    }

    /** Invoices, payments and credit notes: visible with their account. */
    static VisibleChildren ofAccount(Visibility visibility) {
        return new VisibleChildren(
                visibility, null, List.of(new Parent(RecordType.ACCOUNT, "r.accountId", null)), null);
    }

    /** Cases: their assignee's, or visible with their contact or account. */
    static VisibleChildren ofCase(Visibility visibility) {
        return new VisibleChildren(
                visibility,
                "r.assigneeId",
                List.of(
                        new Parent(RecordType.CONTACT, "r.contactId", null),
                        new Parent(RecordType.ACCOUNT, "r.accountId", null)),
                null);
    }

    /** Tasks: their assignee's, or visible with the contact, account, lead or opportunity they link to. */
    static VisibleChildren ofTask(Visibility visibility) {
        List<Parent> links = ownedTypes().stream()
                .map(type -> new Parent(type, "r.linkId", "r.linkType = '" + type.name() + "'"))
                .toList();
        return new VisibleChildren(visibility, "r.assigneeId", links, null);
    }

    /**
     * Activities: visible with any contact, account, lead or opportunity they concern, read from their lookup keys
     * named {@code subjectKey} (values {@code CONTACT:<id>}, see {@link LookupKey#recordValue}).
     */
    static VisibleChildren ofActivity(Visibility visibility, String subjectKey) {
        List<Parent> subjects = ownedTypes().stream()
                .map(type -> {
                    String prefix = type.name() + ":";
                    return new Parent(
                            type,
                            "cast(substring(k2.value, " + (prefix.length() + 1) + ") as java.util.UUID)",
                            "k2.value like '" + prefix + "%'");
                })
                .toList();
        return new VisibleChildren(visibility, null, subjects, subjectKey);
    }

    private static List<RecordType> ownedTypes() {
        return List.copyOf(OWNED_TABLES.keySet());
    }

    @Override
    public RowQuery condition(EntityManager entityManager, TenantId tenant, boolean counting) {
        if (visibility.seesEverything()) {
            return RowQuery.all();
        }
        VisibleRows.Grants grants = VisibleRows.Grants.read(visibility, entityManager, tenant, counting);
        List<String> parts = new ArrayList<>();
        if (assignee != null) {
            parts.add(grants.ownerIs(assignee));
        }
        List<String> parentParts = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            parentParts.add(visibleParent(visibility, parents.get(i), "p" + i, grants));
        }
        if (activityKey == null) {
            parts.addAll(parentParts);
        } else {
            parts.add("exists (select 1 from LookupRow k2 where k2.tenantId = :tenant and k2.recordId = r.id"
                    + " and k2.name = '" + activityKey + "' and (" + String.join(" or ", parentParts) + "))");
        }
        return grants.bindTo(RowQuery.where(String.join(" or ", parts)));
    }

    /**
     * The condition that the parent a row names is visible: its row checked by primary key under {@code alias} with
     * the parent's own condition, or none when the visibility reads every record of its type.
     */
    static String visibleParent(Visibility visibility, Parent parent, String alias, VisibleRows.Grants grants) {
        String guard = parent.guard() == null ? parent.id() + " is not null" : parent.guard();
        if (visibility.readsEvery(parent.type())) {
            return "(" + guard + ")";
        }
        String territory =
                parent.type() == RecordType.CONTACT || parent.type() == RecordType.ACCOUNT ? "territoryId" : null;
        String visible = OWNED_TABLES.get(parent.type()) + " " + alias + " where " + alias + ".tenantId = :tenant and "
                + alias + ".id = " + parent.id() + " and (" + grants.on(alias, territory) + ")";
        return "(" + guard + " and exists (select 1 from " + visible + "))";
    }
}
