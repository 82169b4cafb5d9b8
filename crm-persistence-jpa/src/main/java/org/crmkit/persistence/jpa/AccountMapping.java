package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ParentLink;

/**
 * Accounts in {@code crm_account}. Query columns: the name in normal form (for lookups by name), the lower-cased
 * name (for name order), the owner and the territory. Lookup keys: every email (normalised), every phone, every
 * parent link with its period.
 */
final class AccountMapping implements AggregateMapping<AccountState, AccountRow> {

    static final String EMAIL = "account.email";
    static final String PHONE = "account.phone";
    static final String PARENT = "account.parent";

    /** Name ignoring case, then id. */
    static final String NAME_ORDER = "r.nameOrder, r.id";

    @Override
    public String recordType() {
        return "Account";
    }

    @Override
    public Class<AccountState> stateType() {
        return AccountState.class;
    }

    @Override
    public Class<AccountRow> rowType() {
        return AccountRow.class;
    }

    @Override
    public AccountRow newRow() {
        return new AccountRow();
    }

    @Override
    public void writeColumns(AccountState state, AccountRow row) {
        row.nameKey = Account.normalizeName(state.name());
        row.nameOrder = AggregateMapping.lower(state.name());
        row.ownerId = AggregateMapping.uuid(state.owner());
        row.territoryId = AggregateMapping.uuid(state.territory());
    }

    @Override
    public List<LookupKey> lookupKeys(AccountState state) {
        List<LookupKey> keys = new ArrayList<>();
        state.contactPoints().emails().forEach(email -> keys.add(LookupKey.of(EMAIL, email.value().normalized())));
        state.contactPoints().phones().stream().map(ContactPoint::value).forEach(phone -> keys.add(LookupKey.of(PHONE, phone.e164())));
        for (ParentLink link : state.parents()) {
            keys.add(LookupKey.during(PARENT, link.parent().value(), link.period()));
        }
        return keys;
    }
}
