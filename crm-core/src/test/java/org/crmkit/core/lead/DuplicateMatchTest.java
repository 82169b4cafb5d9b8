package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.junit.jupiter.api.Test;

class DuplicateMatchTest {

    final ContactId contact = ContactId.of(UUID.randomUUID());
    final AccountId account = AccountId.of(UUID.randomUUID());
    final Lead openLead = LeadTest.lead();
    final Lead spamLead = LeadTest.lead();

    /** Every record matches on every value it is asked for. */
    class Everything implements DuplicateCandidates {
        @Override
        public List<ContactId> contactsWithEmail(EmailAddress email) {
            return List.of(contact);
        }

        @Override
        public List<ContactId> contactsWithPhone(PhoneNumber phone) {
            return List.of(contact);
        }

        @Override
        public List<AccountId> accountsWithEmail(EmailAddress email) {
            return List.of();
        }

        @Override
        public List<AccountId> accountsWithPhone(PhoneNumber phone) {
            return List.of(account);
        }

        @Override
        public List<AccountId> accountsNamed(String companyName) {
            return List.of(account);
        }

        @Override
        public List<Lead> leadsWithEmail(EmailAddress email) {
            return List.of(spamLead);
        }

        @Override
        public List<Lead> leadsWithPhone(PhoneNumber phone) {
            return List.of(openLead, spamLead);
        }

        @Override
        public List<Lead> leadsOfCompany(String companyName) {
            return List.of(openLead);
        }
    }

    @Test
    void eachRecordIsListedOnceWithItsFirstReasonContactsThenAccountsThenOpenLeads() {
        spamLead.disqualify("spam", LeadTest.CLOCK);

        List<DuplicateMatch> matches = DuplicateMatch.forNewLead(LeadTest.jane(), new Everything());

        assertThat(matches)
                .containsExactly(
                        new DuplicateMatch(
                                RecordRef.contact(contact), DuplicateMatch.Reason.EMAIL, "jane.doe@initech.example"),
                        new DuplicateMatch(RecordRef.account(account), DuplicateMatch.Reason.PHONE, "+49301234567"),
                        new DuplicateMatch(RecordRef.lead(openLead.id()), DuplicateMatch.Reason.PHONE, "+49301234567"));
    }

    @Test
    void convertingALeadThatReusesContactAndAccountLooksOnlyAtOtherOpenLeadsByEmailAndPhone() {
        Lead converting = LeadTest.lead();

        List<DuplicateMatch> matches = converting.possibleDuplicatesOnConversion(false, false, new Everything() {
            @Override
            public List<Lead> leadsWithPhone(PhoneNumber phone) {
                return List.of(converting, openLead);
            }
        });

        assertThat(matches)
                .containsExactly(
                        new DuplicateMatch(
                                RecordRef.lead(spamLead.id()), DuplicateMatch.Reason.EMAIL, "jane.doe@initech.example"),
                        new DuplicateMatch(RecordRef.lead(openLead.id()), DuplicateMatch.Reason.PHONE, "+49301234567"));
    }
}
