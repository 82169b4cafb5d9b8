package org.crmkit.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * The records a device may change, each as a set of named text fields, and how a change of them is made: always
 * through crmkit's services, so that every rule of the domain applies as to any other call.
 */
final class SyncedRecords {

    /** A record's fields and version as the CRM holds them now. */
    record Current(Map<String, String> fields, long version) {}

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Account", Set.of("name", "industry", "website"),
            "Contact", Set.of("firstName", "lastName"),
            "Activity", Set.of());
    /** Fields a device gives a record it creates but does not change later. */
    private static final Map<String, Set<String>> CREATE_ONLY = Map.of("Contact", Set.of("email"));

    private final UseCases useCases;
    private final Parties parties;
    private final Activities activities;

    SyncedRecords(UseCases useCases, Parties parties, Activities activities) {
        this.useCases = useCases;
        this.parties = parties;
        this.activities = activities;
    }

    static boolean isCreateOnly(String recordType, String field) {
        return CREATE_ONLY.getOrDefault(recordType, Set.of()).contains(field);
    }

    /** Refuses a record type or field a device may not set ({@code creating}) or change, naming it. */
    static void requireKnown(String recordType, Set<String> fields, boolean creating) {
        Set<String> known = new HashSet<>(FIELDS.getOrDefault(recordType, Set.of()));
        if (creating) {
            known.addAll(CREATE_ONLY.getOrDefault(recordType, Set.of()));
        }
        if (!FIELDS.containsKey(recordType)) {
            throw InvalidValueException.invalid(
                    "recordType", "a device may change Account, Contact and Activity records, not " + recordType);
        }
        for (String field : fields) {
            if (!known.contains(field)) {
                throw InvalidValueException.invalid(
                        "fields." + field, "is no field of a " + recordType + " a device may change: " + known);
            }
        }
    }

    Optional<Current> current(String recordType, UUID id) {
        return switch (recordType) {
            case "Account" ->
                useCases.accounts()
                        .findById(useCases.tenant(), AccountId.of(id))
                        .map(account -> {
                            Map<String, String> fields = new HashMap<>();
                            fields.put("name", account.name());
                            fields.put("industry", account.details().industry());
                            fields.put("website", account.details().website());
                            return new Current(fields, account.version());
                        });
            case "Contact" ->
                useCases.contacts()
                        .findById(useCases.tenant(), ContactId.of(id))
                        .map(contact -> {
                            Map<String, String> fields = new HashMap<>();
                            fields.put("firstName", contact.name().firstName());
                            fields.put("lastName", contact.name().lastName());
                            return new Current(fields, contact.version());
                        });
            default ->
                activities.findActivity(ActivityId.of(id)).map(activity -> new Current(Map.of(), activity.version()));
        };
    }

    /** Creates the record under the device's id; returns the central records it may duplicate. */
    List<DuplicateCandidate> create(String recordType, UUID id, Map<String, String> fields, UserId user) {
        return switch (recordType) {
            case "Account" ->
                parties.registered(
                                NewAccount.of(fields.get("name"), user)
                                        .withDetails(new AccountDetails(
                                                null, fields.get("industry"), fields.get("website"), null)),
                                AccountId.of(id))
                        .possibleDuplicates();
            case "Contact" -> {
                NewContact contact =
                        NewContact.of(PersonName.of(fields.get("firstName"), fields.get("lastName")), user);
                if (fields.get("email") != null) {
                    contact = contact.withEmail(EmailAddress.of(fields.get("email")), ContactPointType.WORK);
                }
                yield parties.registered(contact, ContactId.of(id)).possibleDuplicates();
            }
            default ->
                throw InvalidValueException.invalid("recordType", "a device may delete activities, not create them");
        };
    }

    /** Stores the fields' new values. */
    void change(String recordType, UUID id, Map<String, String> values) {
        if (recordType.equals("Account")) {
            AccountId account = AccountId.of(id);
            if (values.containsKey("name")) {
                parties.renameAccount(account, values.get("name"));
            }
            if (values.containsKey("industry") || values.containsKey("website")) {
                AccountDetails details = parties.account(account).details();
                parties.changeAccountDetails(
                        account,
                        new AccountDetails(
                                details.legalName(),
                                values.getOrDefault("industry", details.industry()),
                                values.getOrDefault("website", details.website()),
                                details.taxId()));
            }
        } else if (recordType.equals("Contact")) {
            Contact contact = parties.contact(ContactId.of(id));
            PersonName name = contact.name();
            parties.renameContact(
                    contact.id(),
                    new PersonName(
                            name.salutation(),
                            values.getOrDefault("firstName", name.firstName()),
                            name.middleName(),
                            values.getOrDefault("lastName", name.lastName())));
        }
    }

    void delete(String recordType, UUID id) {
        if (!recordType.equals("Activity")) {
            throw InvalidValueException.invalid(
                    "recordType", "a device may delete activities; " + recordType + " records are not deleted");
        }
        activities.delete(ActivityId.of(id));
    }
}
