package org.crmkit.persistence.jpa;

import org.crmkit.core.access.UserState;

/**
 * Users in {@code crm_user}. Query columns: the email (normalised) and the lower-cased name for name order.
 */
final class UserMapping implements AggregateMapping<UserState, UserRow> {

    /** Name ignoring case, then id. */
    static final String NAME_ORDER = "r.nameOrder, r.id";

    @Override
    public String recordType() {
        return "User";
    }

    @Override
    public Class<UserState> stateType() {
        return UserState.class;
    }

    @Override
    public Class<UserRow> rowType() {
        return UserRow.class;
    }

    @Override
    public UserRow newRow() {
        return new UserRow();
    }

    @Override
    public void writeColumns(UserState state, UserRow row) {
        row.emailKey = state.email().normalized();
        row.nameOrder = AggregateMapping.lower(state.name());
    }
}
