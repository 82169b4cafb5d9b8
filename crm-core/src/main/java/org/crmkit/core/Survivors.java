package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.merge.MergeField;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.Consent;
import org.crmkit.core.party.ConsentStatus;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.CustomFields;
import org.crmkit.core.party.ParentLink;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.party.Tags;

/**
 * The survivor's state after a merge: each single-valued field picked by its {@link Survivorship} rule, the
 * collections combined (see {@link MergeField}), and the consent history combined so that a withdrawal on any of
 * the records stays the latest decision for its channel and purpose.
 */
final class Survivors {

    private final Survivorship rules;

    Survivors(Survivorship rules) {
        this.rules = rules;
    }

    /** {@code records}: the survivor first, then the merged contacts in the order given. */
    ContactState contact(List<ContactState> records, Instant now) {
        ContactState survivor = records.get(0);
        Picker<ContactState> pick = new Picker<>(records, ContactState::registeredAt);
        ContactPoints points = survivor.contactPoints();
        Map<Object, CustomFields> customFields = new LinkedHashMap<>();
        for (ContactState record : records) {
            points = withPointsOf(points, record.contactPoints());
            customFields.put(record.id(), record.customFields());
        }
        return new ContactState(
                survivor.tenant(),
                survivor.id(),
                survivor.version(),
                pick.value(MergeField.NAME, ContactState::name, Survivors::completeness),
                new ContactDetails(
                        pick.value(
                                MergeField.PREFERRED_LANGUAGE,
                                s -> s.details().preferredLanguage(),
                                language -> language.toString().length()),
                        pick.value(MergeField.BIRTHDAY, s -> s.details().birthday(), day -> 1),
                        pick.value(MergeField.TIME_ZONE, s -> s.details().timeZone(), zone -> 1)),
                points,
                tags(records.stream().map(ContactState::tags).toList()),
                customFields(customFields.values()),
                pick.value(MergeField.OWNER, ContactState::owner, owner -> 1),
                pick.value(MergeField.TERRITORY, ContactState::territory, territory -> 1),
                pick.value(MergeField.CUSTOMER_SINCE, ContactState::customerSince, day -> 1),
                consents(records, now),
                union(records.stream().map(ContactState::affiliations).toList()),
                survivor.registeredAt(),
                refs(records.stream().map(ContactState::externalRefs).toList()));
    }

    /**
     * {@code records}: the survivor first, then the merged accounts, their parent links already pointing at the
     * survivor; a link of the survivor to itself is dropped.
     */
    AccountState account(List<AccountState> records) {
        AccountState survivor = records.get(0);
        Picker<AccountState> pick = new Picker<>(records, AccountState::registeredAt);
        ContactPoints points = survivor.contactPoints();
        List<CustomFields> customFields = new ArrayList<>();
        for (AccountState record : records) {
            points = withPointsOf(points, record.contactPoints());
            customFields.add(record.customFields());
        }
        ToIntFunction<String> length = String::length;
        List<ParentLink> parents = union(
                        records.stream().map(AccountState::parents).toList())
                .stream()
                .filter(link -> !link.parent().equals(survivor.id()))
                .toList();
        return new AccountState(
                survivor.tenant(),
                survivor.id(),
                survivor.version(),
                pick.value(MergeField.ACCOUNT_NAME, AccountState::name, length),
                new AccountDetails(
                        pick.value(MergeField.LEGAL_NAME, s -> s.details().legalName(), length),
                        pick.value(MergeField.INDUSTRY, s -> s.details().industry(), length),
                        pick.value(MergeField.WEBSITE, s -> s.details().website(), length),
                        pick.value(MergeField.TAX_ID, s -> s.details().taxId(), length)),
                points,
                tags(records.stream().map(AccountState::tags).toList()),
                customFields(customFields),
                pick.value(MergeField.OWNER, AccountState::owner, owner -> 1),
                pick.value(MergeField.TERRITORY, AccountState::territory, territory -> 1),
                pick.value(MergeField.CUSTOMER_SINCE, AccountState::customerSince, day -> 1),
                parents,
                records.stream()
                        .map(AccountState::creditHold)
                        .filter(hold -> hold != null)
                        .findFirst()
                        .orElse(null),
                survivor.registeredAt(),
                refs(records.stream().map(AccountState::externalRefs).toList()));
    }

    /** Picks a field's value among the records by the field's rule; the survivor is the first record. */
    private final class Picker<S> {

        private final List<S> records;
        private final Function<S, Instant> registeredAt;

        Picker(List<S> records, Function<S, Instant> registeredAt) {
            this.records = records;
            this.registeredAt = registeredAt;
        }

        <T> T value(MergeField field, Function<S, T> value, ToIntFunction<T> completeness) {
            return switch (rules.ruleFor(field)) {
                case SURVIVOR_WINS -> value.apply(records.get(0));
                case MOST_RECENT -> best(value, Comparator.comparing(registeredAt));
                case MOST_COMPLETE ->
                    best(value, Comparator.comparingInt(record -> completeness.applyAsInt(value.apply(record))));
            };
        }

        /** The value of the first record with a value that no later record beats; null when none has one. */
        private <T> T best(Function<S, T> value, Comparator<S> order) {
            S best = null;
            for (S record : records) {
                if (value.apply(record) != null && (best == null || order.compare(record, best) > 0)) {
                    best = record;
                }
            }
            return best == null ? null : value.apply(best);
        }
    }

    private static int completeness(PersonName name) {
        int parts = 0;
        int length = 0;
        for (String part : new String[] {name.salutation(), name.firstName(), name.middleName(), name.lastName()}) {
            if (part != null) {
                parts++;
                length += part.length();
            }
        }
        return parts * 1000 + length;
    }

    /** The points with those of another record it lacks; the points' primaries stay primary. */
    private static ContactPoints withPointsOf(ContactPoints points, ContactPoints other) {
        ContactPoints combined = points;
        for (ContactPoint<EmailAddress> email : other.emails()) {
            if (!combined.hasEmail(email.value())) {
                combined = combined.withEmail(email.value(), email.type());
            }
        }
        for (ContactPoint<PhoneNumber> phone : other.phones()) {
            if (!combined.hasPhone(phone.value())) {
                combined = combined.withPhone(phone.value(), phone.type());
            }
        }
        for (ContactPoint<PostalAddress> address : other.addresses()) {
            if (combined.addresses().stream().noneMatch(known -> known.value().equals(address.value()))) {
                combined = combined.withAddress(address.value(), address.type());
            }
        }
        return combined;
    }

    private static Tags tags(List<Tags> all) {
        Set<String> values = new LinkedHashSet<>();
        all.forEach(tags -> values.addAll(tags.values()));
        return new Tags(values);
    }

    /** The first record's custom fields, with the fields it lacks from the others (the earlier record first). */
    private static CustomFields customFields(Iterable<CustomFields> all) {
        CustomFields combined = CustomFields.NONE;
        for (CustomFields fields : all) {
            for (var field : fields.values().entrySet()) {
                if (combined.get(field.getKey()).isEmpty()) {
                    combined = combined.with(field.getKey(), field.getValue());
                }
            }
        }
        return combined;
    }

    private static <T> List<T> union(List<List<T>> all) {
        Set<T> values = new LinkedHashSet<>();
        all.forEach(values::addAll);
        return List.copyOf(values);
    }

    private static List<ExternalRef> refs(List<List<ExternalRef>> all) {
        return ExternalRef.distinct(union(all));
    }

    /**
     * Every record's consent decisions in time order; then, for each channel and purpose where a record's latest
     * decision is a withdrawal but the combined latest one is not, that withdrawal again as the latest decision,
     * its source naming the record it came from (its original entry, with source and time, stays in the history).
     */
    private static List<Consent> consents(List<ContactState> records, Instant now) {
        List<Consent> combined = new ArrayList<>();
        records.forEach(record -> combined.addAll(record.consents()));
        combined.sort(Comparator.comparing(Consent::recordedAt));
        Map<String, Consent> latest = latestByTopic(combined);
        List<Consent> restated = new ArrayList<>();
        Set<String> restatedTopics = new LinkedHashSet<>();
        for (ContactState record : records) {
            for (var own : latestByTopic(record.consents()).entrySet()) {
                Consent withdrawal = own.getValue();
                if (withdrawal.status() == ConsentStatus.WITHDRAWN
                        && latest.get(own.getKey()).status() != ConsentStatus.WITHDRAWN
                        && restatedTopics.add(own.getKey())) {
                    restated.add(new Consent(
                            withdrawal.channel(),
                            withdrawal.purpose(),
                            ConsentStatus.WITHDRAWN,
                            "merge: contact " + record.id() + " withdrew at " + withdrawal.recordedAt(),
                            now));
                }
            }
        }
        combined.addAll(restated);
        return combined;
    }

    private static Map<String, Consent> latestByTopic(List<Consent> consents) {
        Map<String, Consent> latest = new LinkedHashMap<>();
        consents.forEach(consent -> latest.put(consent.channel() + "/" + consent.purpose(), consent));
        return latest;
    }
}
