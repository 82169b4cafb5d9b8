package org.crmkit.core.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * What contacts and accounts have in common: contact points, tags, custom fields, an owner, an optional territory,
 * the date since when the party is a customer and the party's {@link ExternalRef references} in other systems. Every change records a {@link ContactChanged} or
 * {@link AccountChanged} event naming what changed; a change that changes nothing records nothing.
 */
public abstract sealed class Party<ID extends EntityId> extends AggregateRoot<ID> permits Contact, Account {

    private ContactPoints contactPoints;
    private Tags tags;
    private CustomFields customFields;
    private UserId owner;
    private TerritoryId territory;
    private LocalDate customerSince;
    private List<ExternalRef> externalRefs;
    private final Instant registeredAt;

    Party(
            TenantId tenant,
            ID id,
            long version,
            ContactPoints contactPoints,
            Tags tags,
            CustomFields customFields,
            UserId owner,
            TerritoryId territory,
            LocalDate customerSince,
            List<ExternalRef> externalRefs,
            Instant registeredAt) {
        super(tenant, id, version);
        this.externalRefs = ExternalRef.distinct(externalRefs);
        this.contactPoints = Require.notNull(contactPoints, "contactPoints");
        this.tags = Require.notNull(tags, "tags");
        this.customFields = Require.notNull(customFields, "customFields");
        this.owner = Require.notNull(owner, "owner");
        this.territory = territory;
        this.customerSince = customerSince;
        this.registeredAt = Require.notNull(registeredAt, "registeredAt");
    }

    /** Records the event of a change to this party. */
    abstract void recordChange(PartyChange change, Instant at);

    private void change(PartyChange change, Clock clock) {
        recordChange(change, Require.notNull(clock, "clock").instant());
    }

    /** Adds an email; the first one becomes primary. Refuses an email the party has (ignoring case). */
    public final void addEmail(EmailAddress email, ContactPointType type, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withEmail(email, type);
        change(PartyChange.EMAILS, clock);
    }

    /** Removes an email; when it was primary the oldest remaining one becomes primary. */
    public final void removeEmail(EmailAddress email, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withoutEmail(email);
        change(PartyChange.EMAILS, clock);
    }

    public final void makePrimaryEmail(EmailAddress email, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withPrimaryEmail(email);
        change(PartyChange.EMAILS, clock);
    }

    public final void addPhone(PhoneNumber phone, ContactPointType type, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withPhone(phone, type);
        change(PartyChange.PHONES, clock);
    }

    public final void removePhone(PhoneNumber phone, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withoutPhone(phone);
        change(PartyChange.PHONES, clock);
    }

    public final void makePrimaryPhone(PhoneNumber phone, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withPrimaryPhone(phone);
        change(PartyChange.PHONES, clock);
    }

    public final void addAddress(PostalAddress address, ContactPointType type, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withAddress(address, type);
        change(PartyChange.ADDRESSES, clock);
    }

    public final void removeAddress(PostalAddress address, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withoutAddress(address);
        change(PartyChange.ADDRESSES, clock);
    }

    public final void makePrimaryAddress(PostalAddress address, Clock clock) {
        Require.notNull(clock, "clock");
        contactPoints = contactPoints.withPrimaryAddress(address);
        change(PartyChange.ADDRESSES, clock);
    }

    /** Adds a tag (normalised, see {@link Tags}); tagging with a tag the party has changes nothing. */
    public final void tag(String tag, Clock clock) {
        Require.notNull(clock, "clock");
        Tags next = tags.with(tag);
        if (!next.equals(tags)) {
            tags = next;
            change(PartyChange.TAGS, clock);
        }
    }

    /** Removes a tag; removing a tag the party does not have changes nothing. */
    public final void untag(String tag, Clock clock) {
        Require.notNull(clock, "clock");
        Tags next = tags.without(tag);
        if (!next.equals(tags)) {
            tags = next;
            change(PartyChange.TAGS, clock);
        }
    }

    /** Sets a custom field, replacing any previous value (of any type). */
    public final void setCustomField(CustomFieldKey key, CustomFieldValue value, Clock clock) {
        Require.notNull(clock, "clock");
        customFields = customFields.with(key, value);
        change(PartyChange.CUSTOM_FIELDS, clock);
    }

    /** Removes a custom field; refuses a key that is not set. */
    public final void removeCustomField(CustomFieldKey key, Clock clock) {
        Require.notNull(clock, "clock");
        if (customFields.get(key).isEmpty()) {
            throw InvalidValueException.invalid("customField.key", "'" + key + "' is not set");
        }
        customFields = customFields.without(key);
        change(PartyChange.CUSTOM_FIELDS, clock);
    }

    public final void assignOwner(UserId newOwner, Clock clock) {
        Require.notNull(newOwner, "owner");
        Require.notNull(clock, "clock");
        if (!newOwner.equals(owner)) {
            owner = newOwner;
            change(PartyChange.OWNER, clock);
        }
    }

    /** Puts the party into a territory, or into none when {@code newTerritory} is null. */
    public final void assignTerritory(TerritoryId newTerritory, Clock clock) {
        Require.notNull(clock, "clock");
        if (!Objects.equals(newTerritory, territory)) {
            territory = newTerritory;
            change(PartyChange.TERRITORY, clock);
        }
    }

    /** Records since when the party is a customer, or that it is none when {@code date} is null. */
    public final void markCustomerSince(LocalDate date, Clock clock) {
        Require.notNull(clock, "clock");
        Require.that(
                date == null || !date.isAfter(LocalDate.now(clock)),
                "customerSince",
                "must not be in the future, was " + date);
        if (!Objects.equals(date, customerSince)) {
            customerSince = date;
            change(PartyChange.CUSTOMER_SINCE, clock);
        }
    }

    /**
     * Adds a reference of another system to the party; adding one the party has changes nothing. Storage refuses a
     * reference another party of the same type has ({@code DuplicateRecordException}).
     */
    public final void addExternalRef(ExternalRef ref, Clock clock) {
        Require.notNull(clock, "clock");
        List<ExternalRef> more = ExternalRef.adding(externalRefs, ref);
        if (!more.equals(externalRefs)) {
            externalRefs = more;
            change(PartyChange.EXTERNAL_REFS, clock);
        }
    }

    /**
     * Brings what contacts and accounts share in line with what another system sends for the party (an upsert):
     * the owner is replaced; the territory and the customer-since date are replaced when given (not null); the
     * emails, phones, addresses, tags, custom fields and external references given are added or set, and those the
     * party has besides (added in the CRM) are kept. Records one change event per changed field and returns the fields' names.
     */
    final List<String> syncShared(
            ContactPoints points,
            Tags newTags,
            CustomFields fields,
            UserId newOwner,
            TerritoryId newTerritory,
            LocalDate newCustomerSince,
            List<ExternalRef> refs,
            Clock clock) {
        Require.notNull(points, "contactPoints");
        Require.notNull(newTags, "tags");
        Require.notNull(fields, "customFields");
        Require.notNull(clock, "clock");
        List<String> changed = new ArrayList<>();
        ContactPoints before = contactPoints;
        for (ContactPoint<EmailAddress> email : points.emails()) {
            if (!contactPoints.hasEmail(email.value())) {
                contactPoints = contactPoints.withEmail(email.value(), email.type());
            }
        }
        changedIf(!contactPoints.equals(before), PartyChange.EMAILS, "emails", changed, clock);
        before = contactPoints;
        for (ContactPoint<PhoneNumber> phone : points.phones()) {
            if (!contactPoints.hasPhone(phone.value())) {
                contactPoints = contactPoints.withPhone(phone.value(), phone.type());
            }
        }
        changedIf(!contactPoints.equals(before), PartyChange.PHONES, "phones", changed, clock);
        before = contactPoints;
        for (ContactPoint<PostalAddress> address : points.addresses()) {
            if (contactPoints.addresses().stream()
                    .noneMatch(point -> point.value().equals(address.value()))) {
                contactPoints = contactPoints.withAddress(address.value(), address.type());
            }
        }
        changedIf(!contactPoints.equals(before), PartyChange.ADDRESSES, "addresses", changed, clock);
        Tags moreTags = tags;
        for (String tag : newTags.values()) {
            moreTags = moreTags.with(tag);
        }
        changedIf(!moreTags.equals(tags), PartyChange.TAGS, "tags", changed, clock);
        tags = moreTags;
        CustomFields moreFields = customFields;
        for (Map.Entry<CustomFieldKey, CustomFieldValue> field : fields.values().entrySet()) {
            if (!hasCustomField(field.getKey(), field.getValue())) {
                moreFields = moreFields.with(field.getKey(), field.getValue());
            }
        }
        changedIf(!moreFields.equals(customFields), PartyChange.CUSTOM_FIELDS, "customFields", changed, clock);
        customFields = moreFields;
        if (!newOwner.equals(owner)) {
            assignOwner(newOwner, clock);
            changed.add("owner");
        }
        if (newTerritory != null && !newTerritory.equals(territory)) {
            assignTerritory(newTerritory, clock);
            changed.add("territory");
        }
        if (newCustomerSince != null && !newCustomerSince.equals(customerSince)) {
            markCustomerSince(newCustomerSince, clock);
            changed.add("customerSince");
        }
        List<ExternalRef> moreRefs = externalRefs;
        for (ExternalRef ref : refs) {
            moreRefs = ExternalRef.adding(moreRefs, ref);
        }
        changedIf(!moreRefs.equals(externalRefs), PartyChange.EXTERNAL_REFS, "externalRefs", changed, clock);
        externalRefs = moreRefs;
        return changed;
    }

    private void changedIf(boolean changed, PartyChange change, String field, List<String> fields, Clock clock) {
        if (changed) {
            change(change, clock);
            fields.add(field);
        }
    }

    public final ContactPoints contactPoints() {
        return contactPoints;
    }

    public final Tags tags() {
        return tags;
    }

    public final CustomFields customFields() {
        return customFields;
    }

    /** The user responsible for the party. */
    public final UserId owner() {
        return owner;
    }

    public final Optional<TerritoryId> territory() {
        return Optional.ofNullable(territory);
    }

    public final Optional<LocalDate> customerSince() {
        return Optional.ofNullable(customerSince);
    }

    /** The party's references in other systems, in the order they were added. */
    public final List<ExternalRef> externalRefs() {
        return externalRefs;
    }

    public final Instant registeredAt() {
        return registeredAt;
    }

    /** Whether the party has the given custom field value, see {@link CustomFieldValue#sameAs}. */
    public final boolean hasCustomField(CustomFieldKey key, CustomFieldValue value) {
        return customFields.get(key).map(stored -> stored.sameAs(value)).orElse(false);
    }

    /** The territory or null, for the state records. */
    final TerritoryId territoryOrNull() {
        return territory;
    }

    final LocalDate customerSinceOrNull() {
        return customerSince;
    }
}
