package org.crmkit.core.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;

/**
 * An existing contact, account or lead that may be the same as a lead: which record, on what it matched and the
 * matched value in normal form (a lower-case email, an E.164 phone number, a normalised company name).
 */
public record DuplicateMatch(RecordRef record, Reason reason, String value) {

    /** What two records have in common. */
    public enum Reason {
        EMAIL,
        PHONE,
        COMPANY_NAME
    }

    public DuplicateMatch {
        Require.notNull(record, "record");
        Require.notNull(reason, "reason");
        Require.notBlank(value, "value");
    }

    /**
     * The records that may be the person or company of {@code details}: contacts with the same email or phone,
     * accounts and open leads (neither converted nor disqualified) with the same email, phone or company name (in
     * {@link Account#normalizeName normal form}). Each record is listed once, with the first reason in that order;
     * contacts first, then accounts (each by id), then leads (by capture time).
     */
    public static List<DuplicateMatch> forNewLead(LeadDetails details, DuplicateCandidates candidates) {
        Require.notNull(details, "details");
        return find(details, null, true, true, Require.notNull(candidates, "candidates"));
    }

    /**
     * What converting {@code lead} may duplicate: contacts (when the conversion creates the contact), accounts and
     * other open leads of the same company name (when it creates the account), and other open leads with the same
     * email or phone; listed as {@link #forNewLead} does.
     */
    static List<DuplicateMatch> forConversion(
            Lead lead, boolean newContact, boolean newAccount, DuplicateCandidates candidates) {
        return find(lead.details(), lead.id(), newContact, newAccount, Require.notNull(candidates, "candidates"));
    }

    private static List<DuplicateMatch> find(
            LeadDetails details, LeadId self, boolean contacts, boolean accounts, DuplicateCandidates candidates) {
        Map<RecordRef, DuplicateMatch> matches = new LinkedHashMap<>();
        EmailAddress email = details.email();
        PhoneNumber phone = details.phone();
        String company = details.companyName();
        if (contacts) {
            if (email != null) {
                candidates
                        .contactsWithEmail(email)
                        .forEach(c -> add(matches, RecordRef.contact(c), Reason.EMAIL, email.normalized()));
            }
            if (phone != null) {
                candidates
                        .contactsWithPhone(phone)
                        .forEach(c -> add(matches, RecordRef.contact(c), Reason.PHONE, phone.e164()));
            }
        }
        if (accounts) {
            if (email != null) {
                candidates
                        .accountsWithEmail(email)
                        .forEach(a -> add(matches, RecordRef.account(a), Reason.EMAIL, email.normalized()));
            }
            if (phone != null) {
                candidates
                        .accountsWithPhone(phone)
                        .forEach(a -> add(matches, RecordRef.account(a), Reason.PHONE, phone.e164()));
            }
            if (company != null) {
                String name = Account.normalizeName(company);
                candidates
                        .accountsNamed(company)
                        .forEach(a -> add(matches, RecordRef.account(a), Reason.COMPANY_NAME, name));
            }
        }
        if (email != null) {
            addOpenLeads(matches, candidates.leadsWithEmail(email), self, Reason.EMAIL, email.normalized());
        }
        if (phone != null) {
            addOpenLeads(matches, candidates.leadsWithPhone(phone), self, Reason.PHONE, phone.e164());
        }
        if (accounts && company != null) {
            addOpenLeads(
                    matches,
                    candidates.leadsOfCompany(company),
                    self,
                    Reason.COMPANY_NAME,
                    Account.normalizeName(company));
        }
        return List.copyOf(matches.values());
    }

    private static void addOpenLeads(
            Map<RecordRef, DuplicateMatch> matches, List<Lead> leads, LeadId self, Reason reason, String value) {
        for (Lead other : leads) {
            if (!other.id().equals(self) && other.isOpen()) {
                add(matches, RecordRef.lead(other.id()), reason, value);
            }
        }
    }

    private static void add(Map<RecordRef, DuplicateMatch> matches, RecordRef record, Reason reason, String value) {
        matches.putIfAbsent(record, new DuplicateMatch(record, reason, value));
    }
}
