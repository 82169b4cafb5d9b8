package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityState;

/**
 * Activities in {@code crm_activity}. Query columns: the kind and the time the activity occurred, for the
 * timeline's filter and order. Lookup keys: every record the activity concerns (its contacts, its accounts, its
 * related records), which the timeline of each of them finds.
 */
final class ActivityMapping implements AggregateMapping<ActivityState, ActivityRow> {

    static final String SUBJECT = "activity.subject";

    /** Newest first; activities of the same time in descending id order. */
    static final String NEWEST_FIRST = "r.occurredAt desc, r.id desc";

    @Override
    public String recordType() {
        return "Activity";
    }

    @Override
    public Class<ActivityState> stateType() {
        return ActivityState.class;
    }

    @Override
    public Class<ActivityRow> rowType() {
        return ActivityRow.class;
    }

    @Override
    public ActivityRow newRow() {
        return new ActivityRow();
    }

    @Override
    public void writeColumns(ActivityState state, ActivityRow row) {
        row.kind = state.kind().name();
        row.occurredAt = state.occurredAt();
    }

    @Override
    public List<LookupKey> lookupKeys(ActivityState state) {
        return Activity.restore(state).references().stream().map(subject -> LookupKey.of(SUBJECT, subject)).toList();
    }
}
