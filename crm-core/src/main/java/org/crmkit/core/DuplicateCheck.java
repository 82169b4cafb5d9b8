package org.crmkit.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.duplicate.DuplicatePolicy;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.duplicate.MatchKind;
import org.crmkit.core.duplicate.MatchProfile;
import org.crmkit.core.duplicate.PossibleDuplicateException;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.spi.ContactRepository;

/**
 * The duplicate check of registrations, upserts, imports and lead conversions under the calling tenant's rules:
 * the stored records that share an email or phone, or (when the new one has a postal code) a contact's last name
 * or an account's name, are scored by the rules; under REFUSE those scoring at least {@code refuseFrom} refuse the
 * new record. Runs in the change's transaction, so a refusal stores nothing.
 */
final class DuplicateCheck {

    /** The most contacts whose name starts with a new one's last name that are compared with it (in name order). */
    private static final int SAME_NAME_LIMIT = 20;

    private final UseCases useCases;
    private final Function<TenantId, DuplicateRules> rules;

    DuplicateCheck(UseCases useCases, Function<TenantId, DuplicateRules> rules) {
        this.useCases = useCases;
        this.rules = rules;
    }

    DuplicateRules rules() {
        return rules.apply(useCases.tenant());
    }

    /** The candidates of a new contact (none under ALLOW); refuses it under REFUSE. */
    List<DuplicateCandidate> checkContact(NewContact contact) {
        DuplicateRules tenantRules = rules();
        return tenantRules.policy() == DuplicatePolicy.ALLOW
                ? List.of()
                : refuseOrWarn(
                        "contact", tenantRules, contactCandidates(MatchProfile.of(contact), contact, tenantRules));
    }

    /** The candidates of a new account (none under ALLOW); refuses it under REFUSE. */
    List<DuplicateCandidate> checkAccount(NewAccount account) {
        DuplicateRules tenantRules = rules();
        return tenantRules.policy() == DuplicatePolicy.ALLOW
                ? List.of()
                : refuseOrWarn(
                        "account", tenantRules, accountCandidates(MatchProfile.of(account), account, tenantRules));
    }

    List<DuplicateCandidate> contactCandidates(MatchProfile probe, NewContact contact, DuplicateRules tenantRules) {
        var contacts = useCases.contacts();
        TenantId tenant = useCases.tenant();
        Map<RecordRef, MatchProfile> found = sharingContactPoints(
                contact.contactPoints(),
                email -> contacts.findByEmail(tenant, email),
                phone -> contacts.findByPhone(tenant, phone),
                MatchProfile::of);
        if (comparedByName(probe, tenantRules)) {
            add(
                    found,
                    contacts.findByNamesStartingWith(
                            tenant, List.of(contact.name().lastName()), SAME_NAME_LIMIT),
                    MatchProfile::of);
        }
        return tenantRules.candidates(probe, found.values());
    }

    /**
     * Opens a batch of the contacts (see {@link ContactBatch}) on the acting user's {@code contacts}, reading ahead
     * what their upserts and this check will look up under the tenant's rules.
     */
    ContactBatch batch(ContactRepository contacts, List<NewContact> batchContacts) {
        DuplicateRules tenantRules = rules();
        return ContactBatch.read(
                contacts,
                useCases.storage.outbox(),
                useCases.tenant(),
                batchContacts,
                tenantRules.policy() != DuplicatePolicy.ALLOW,
                contact -> comparedByName(MatchProfile.of(contact), tenantRules),
                SAME_NAME_LIMIT);
    }

    /** Whether stored contacts whose name starts with the new one's last name are compared with it. */
    private static boolean comparedByName(MatchProfile probe, DuplicateRules tenantRules) {
        return !probe.postcodes().isEmpty()
                && (tenantRules.uses(MatchKind.NAME_AND_POSTCODE) || tenantRules.uses(MatchKind.SIMILAR_NAME));
    }

    List<DuplicateCandidate> accountCandidates(MatchProfile probe, NewAccount account, DuplicateRules tenantRules) {
        var accounts = useCases.accounts();
        TenantId tenant = useCases.tenant();
        Map<RecordRef, MatchProfile> found = sharingContactPoints(
                account.contactPoints(),
                email -> accounts.findByEmail(tenant, email),
                phone -> accounts.findByPhone(tenant, phone),
                MatchProfile::of);
        add(found, accounts.findByName(tenant, account.name()), MatchProfile::of);
        return tenantRules.candidates(probe, found.values());
    }

    /** The profiles of the stored parties that share an email or a phone with the contact points. */
    private static <P> Map<RecordRef, MatchProfile> sharingContactPoints(
            ContactPoints points,
            Function<EmailAddress, List<P>> byEmail,
            Function<PhoneNumber, List<P>> byPhone,
            Function<P, MatchProfile> profile) {
        Map<RecordRef, MatchProfile> found = new LinkedHashMap<>();
        for (ContactPoint<EmailAddress> email : points.emails()) {
            add(found, byEmail.apply(email.value()), profile);
        }
        for (ContactPoint<PhoneNumber> phone : points.phones()) {
            add(found, byPhone.apply(phone.value()), profile);
        }
        return found;
    }

    private static <P> void add(
            Map<RecordRef, MatchProfile> found, List<P> parties, Function<P, MatchProfile> profile) {
        parties.stream().map(profile).forEach(p -> found.putIfAbsent(p.record(), p));
    }

    private static List<DuplicateCandidate> refuseOrWarn(
            String recordType, DuplicateRules tenantRules, List<DuplicateCandidate> candidates) {
        List<DuplicateCandidate> refused = tenantRules.refused(candidates);
        if (!refused.isEmpty()) {
            throw new PossibleDuplicateException(recordType, tenantRules.refuseFrom(), refused);
        }
        return candidates;
    }
}
