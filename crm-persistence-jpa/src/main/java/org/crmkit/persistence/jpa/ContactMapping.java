package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.ContactState;

/**
 * Contacts in {@code crm_contact}. Query columns: the owner and the territory (for visibility); the lower-cased last, first ("" when there is none,
 * so that it sorts first) and full name, for name order and prefix search; the birthday and the day the contact
 * became a customer, each as {@code month * 100 + day}, which a day of the year matches. Lookup keys: every email
 * (normalised), every phone, every tag (normal form), every account link with its period.
 */
final class ContactMapping implements AggregateMapping<ContactState, ContactRow> {

    /** Names the lookup keys of the contact points ({@link StoredParties#contactPointKeys}). */
    static final String PARTY = "contact";

    static final String TAG = "contact.tag";
    static final String ACCOUNT = "contact.account";

    /** Last name, then first name, both ignoring case, then id. */
    static final String NAME_ORDER = "r.lastNameKey, r.firstNameKey, r.id";

    @Override
    public String recordType() {
        return "Contact";
    }

    @Override
    public Class<ContactState> stateType() {
        return ContactState.class;
    }

    @Override
    public Class<ContactRow> rowType() {
        return ContactRow.class;
    }

    @Override
    public ContactRow newRow() {
        return new ContactRow();
    }

    @Override
    public void writeColumns(ContactState state, ContactRow row) {
        row.ownerId = AggregateMapping.uuid(state.owner());
        row.territoryId = AggregateMapping.uuid(state.territory());
        row.lastNameKey = AggregateMapping.lower(state.name().lastName());
        row.firstNameKey = state.name().firstName() == null
                ? ""
                : AggregateMapping.lower(state.name().firstName());
        row.fullNameKey = AggregateMapping.lower(state.name().fullName());
        row.birthday = state.details() == null || state.details().birthday() == null
                ? null
                : monthDay(state.details().birthday());
        row.customerAnniversary = state.customerSince() == null ? null : monthDay(state.customerSince());
    }

    @Override
    public List<LookupKey> lookupKeys(ContactState state) {
        List<LookupKey> keys = StoredParties.contactPointKeys(PARTY, state.contactPoints());
        keys.addAll(LookupKey.externalRefs(PARTY, state.externalRefs()));
        state.tags().values().forEach(tag -> keys.add(LookupKey.of(TAG, tag)));
        for (Affiliation link : state.affiliations()) {
            keys.add(LookupKey.during(ACCOUNT, link.account().value(), link.period()));
        }
        return keys;
    }

    static int monthDay(LocalDate date) {
        return monthDay(MonthDay.from(date));
    }

    static int monthDay(MonthDay day) {
        return day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
