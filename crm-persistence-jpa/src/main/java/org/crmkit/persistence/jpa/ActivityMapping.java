package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityState;

/**
 * Activities in {@code crm_activity}. Query columns: the kind and the time the activity occurred. Lookup keys:
 * every record the activity concerns (its contacts, its accounts, its related records), each with the time the
 * activity occurred, so that a timeline is read in order from the index of the keys.
 */
final class ActivityMapping implements AggregateMapping<ActivityState, ActivityRow> {

    static final String SUBJECT = "activity.subject";

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
        return Activity.restore(state).references().stream()
                .map(subject -> LookupKey.inTime(SUBJECT, subject, state.occurredAt()))
                .toList();
    }
}
