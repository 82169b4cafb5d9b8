package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ParentLink;

/**
 * Accounts in {@code crm_account}. Query columns: the name in normal form (for lookups by name), the lower-cased
 * name (for name order), the owner and the territory. Lookup keys: every email (normalised), every phone, every
 * parent link with its period, every external reference (unique).
 */
final class AccountMapping implements AggregateMapping<AccountState, AccountRow> {

    /** Names the lookup keys of the contact points ({@link StoredParties#contactPointKeys}). */
    static final String PARTY = "account";

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
        List<LookupKey> keys = StoredParties.contactPointKeys(PARTY, state.contactPoints());
        keys.addAll(LookupKey.externalRefs(PARTY, state.externalRefs()));
        for (ParentLink link : state.parents()) {
            keys.add(LookupKey.during(PARENT, link.parent().value(), link.period()));
        }
        return keys;
    }
}
