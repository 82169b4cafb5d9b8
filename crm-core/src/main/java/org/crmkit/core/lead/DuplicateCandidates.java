package org.crmkit.core.lead;

import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;

/**
 * The calling tenant's records a lead might duplicate, looked up by the values duplicate matching compares (see
 * {@link DuplicateMatch#forNewLead}). Contacts and accounts come by id, leads by capture time; emails compare in
 * normal form, company names in {@code Account.normalizeName} form.
 */
public interface DuplicateCandidates {

    List<ContactId> contactsWithEmail(EmailAddress email);

    List<ContactId> contactsWithPhone(PhoneNumber phone);

    List<AccountId> accountsWithEmail(EmailAddress email);

    List<AccountId> accountsWithPhone(PhoneNumber phone);

    List<AccountId> accountsNamed(String companyName);

    List<Lead> leadsWithEmail(EmailAddress email);

    List<Lead> leadsWithPhone(PhoneNumber phone);

    List<Lead> leadsOfCompany(String companyName);
}
