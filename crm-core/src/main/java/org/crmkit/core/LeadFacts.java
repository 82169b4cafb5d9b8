package org.crmkit.core;

import java.util.List;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.AssignmentFacts;
import org.crmkit.core.lead.DuplicateCandidates;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;

/**
 * What the lead rules ask of the calling tenant's stored records, answered from storage: the candidates of
 * duplicate detection ({@link DuplicateCandidates}) and the facts of rule-based assignment ({@link AssignmentFacts}).
 */
final class LeadFacts {

    private final UseCases useCases;

    LeadFacts(UseCases useCases) {
        this.useCases = useCases;
    }

    DuplicateCandidates duplicateCandidates() {
        TenantId tenant = useCases.tenant();
        return new DuplicateCandidates() {
            @Override
            public List<ContactId> contactsWithEmail(EmailAddress email) {
                return useCases.contacts().findByEmail(tenant, email).stream()
                        .map(Contact::id)
                        .toList();
            }

            @Override
            public List<ContactId> contactsWithPhone(PhoneNumber phone) {
                return useCases.contacts().findByPhone(tenant, phone).stream()
                        .map(Contact::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsWithEmail(EmailAddress email) {
                return useCases.accounts().findByEmail(tenant, email).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsWithPhone(PhoneNumber phone) {
                return useCases.accounts().findByPhone(tenant, phone).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsNamed(String companyName) {
                return useCases.accounts().findByName(tenant, companyName).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<Lead> leadsWithEmail(EmailAddress email) {
                return useCases.leads().findByEmail(tenant, email);
            }

            @Override
            public List<Lead> leadsWithPhone(PhoneNumber phone) {
                return useCases.leads().findByPhone(tenant, phone);
            }

            @Override
            public List<Lead> leadsOfCompany(String companyName) {
                return useCases.leads().findByCompanyName(tenant, companyName);
            }
        };
    }

    AssignmentFacts assignmentFacts() {
        TenantId tenant = useCases.tenant();
        return new AssignmentFacts() {
            @Override
            public boolean isActiveUser(UserId user) {
                return useCases.storage
                        .users()
                        .findById(tenant, user)
                        .map(User::isActive)
                        .orElse(false);
            }

            @Override
            public long openLeadsOf(UserId owner) {
                long open = 0;
                for (LeadStatus status : LeadStatus.open()) {
                    open += useCases.storage
                            .leads()
                            .findByOwnerAndStatus(tenant, owner, status, PageRequest.first(1))
                            .totalElements();
                }
                return open;
            }

            @Override
            public Team team(TeamId team) {
                return Reads.found(useCases.storage.teams().findById(tenant, team), "Team", team);
            }

            @Override
            public TeamRotation rotationOf(TeamId team) {
                return useCases.storage
                        .teamRotations()
                        .findByTeam(tenant, team)
                        .orElseGet(() -> TeamRotation.start(tenant, team));
            }
        };
    }
}
