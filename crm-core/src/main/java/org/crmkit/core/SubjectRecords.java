package org.crmkit.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadConversion;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.privacy.PersonalDataErased;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;

/**
 * Every record of crmkit's storage that refers to a person (a contact, or a lead), found through the ports'
 * queries: the record itself, the leads it was converted from or that share its e-mail address or phone number,
 * the activities on its (and those leads') timelines, its cases, the tasks linked to it, to those leads and cases,
 * the opportunities where it is a party, the campaign memberships of it and those leads (with their campaigns), and
 * the contact's customer score. What a subject access export lists and an erasure changes; read in the caller's
 * transaction.
 */
final class SubjectRecords {

    final TenantId tenant;
    final RecordRef subject;
    final Contact contact;
    final List<Lead> leads;
    final List<Activity> activities;
    final List<Task> tasks;
    final List<ServiceCase> cases;
    final List<Opportunity> opportunities;
    final List<CampaignMember> memberships;
    /** The campaigns of the memberships, by id. */
    final Map<CampaignId, Campaign> campaigns;
    /** The contact's score; empty for a lead or a contact without one. */
    final Optional<CustomerScore> score;

    final Set<AccountId> accounts;
    final Set<String> identifiers;
    /** The person's full names, as they may be written in text. */
    final Set<String> names;
    /**
     * The full names and each first and last name alone: taken out of the texts of records the person is a party to
     * (an opportunity's name, a lead's company name), where a name alone means the person.
     */
    final Set<String> nameWords;

    private SubjectRecords(TenantId tenant, RecordRef subject, Contact contact, List<Lead> leads, Storage storage) {
        this.tenant = tenant;
        this.subject = subject;
        this.contact = contact;
        this.leads = leads;
        this.accounts = accounts(contact, leads);
        Map<Object, Activity> activities = new LinkedHashMap<>();
        Map<Object, Task> tasks = new LinkedHashMap<>();
        List<CampaignMember> memberships = new ArrayList<>();
        List<RecordRef> people = new ArrayList<>();
        if (contact != null) {
            people.add(RecordRef.contact(contact.id()));
        }
        leads.forEach(lead -> people.add(RecordRef.lead(lead.id())));
        this.cases = contact == null
                ? List.of()
                : Reads.everyPage(page -> storage.cases().findByContact(tenant, contact.id(), page));
        List<RecordRef> linked = new ArrayList<>(people);
        cases.forEach(serviceCase -> linked.add(RecordRef.serviceCase(serviceCase.id())));
        for (RecordRef person : people) {
            Reads.everyPage(page -> storage.activities().timeline(tenant, person, TimelineFilter.ALL, page))
                    .forEach(activity -> activities.putIfAbsent(activity.id(), activity));
            memberships.addAll(storage.campaignMembers().findByMember(tenant, person));
        }
        for (RecordRef link : linked) {
            Reads.everyPage(page -> storage.tasks().findByLink(tenant, link, page))
                    .forEach(task -> tasks.putIfAbsent(task.id(), task));
        }
        this.activities = List.copyOf(activities.values());
        this.tasks = List.copyOf(tasks.values());
        this.memberships = List.copyOf(memberships);
        Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
        for (CampaignMember membership : memberships) {
            if (!campaigns.containsKey(membership.campaign())) {
                storage.campaigns()
                        .findById(tenant, membership.campaign())
                        .ifPresent(campaign -> campaigns.put(campaign.id(), campaign));
            }
        }
        this.campaigns = Map.copyOf(campaigns);
        this.score = contact == null
                ? Optional.empty()
                : storage.customerScores().find(tenant, RecordRef.contact(contact.id()));
        this.opportunities = opportunities(storage);
        this.names = names();
        this.nameWords = nameWords();
        this.identifiers = identifiers();
    }

    /** The records of a contact or a lead; {@code RecordNotFoundException} when it does not exist for the tenant. */
    static SubjectRecords of(UseCases useCases, RecordRef subject) {
        TenantId tenant = useCases.tenant();
        Storage storage = useCases.storage;
        if (subject.type() == RecordType.CONTACT) {
            Contact contact = Reads.found(
                    storage.contacts().findById(tenant, ContactId.of(subject.id())), "Contact", subject.id());
            return new SubjectRecords(tenant, subject, contact, leadsOf(storage, tenant, contact), storage);
        }
        if (subject.type() == RecordType.LEAD) {
            Lead lead = Reads.found(storage.leads().findById(tenant, LeadId.of(subject.id())), "Lead", subject.id());
            return new SubjectRecords(tenant, subject, null, List.of(lead), storage);
        }
        throw InvalidValueException.invalid(
                "subject", "must be a contact or a lead, was " + subject.type() + " " + subject.id());
    }

    /** The records about the person as a holder of personal data outside crmkit's storage is told them. */
    DataSubject dataSubject() {
        List<RecordRef> related = new ArrayList<>();
        leads.stream()
                .map(lead -> RecordRef.lead(lead.id()))
                .filter(ref -> !ref.equals(subject))
                .forEach(related::add);
        activities.forEach(activity -> related.add(RecordRef.of(RecordType.ACTIVITY, activity.id())));
        tasks.forEach(task -> related.add(RecordRef.task(task.id())));
        cases.forEach(serviceCase -> related.add(RecordRef.serviceCase(serviceCase.id())));
        return new DataSubject(tenant, subject, accounts, related, identifiers);
    }

    /**
     * The stored events that hold the person's data: those that mention an identifier, and those of the records the
     * person is a party to (opportunities) that mention one of its names; in sequence order. Not the records of
     * earlier erasures, which hold none.
     */
    List<OutboxEntry> outboxEvents(Outbox outbox) {
        Set<UUID> partyRecords = new LinkedHashSet<>();
        opportunities.forEach(opportunity -> partyRecords.add(opportunity.id().value()));
        Map<UUID, OutboxEntry> events = new LinkedHashMap<>();
        outbox.findMentioning(tenant, identifiers).forEach(entry -> events.put(entry.eventId(), entry));
        if (!partyRecords.isEmpty() && !nameWords.isEmpty()) {
            outbox.findMentioning(tenant, nameWords).stream()
                    .filter(entry -> partyRecords.contains(entry.event().aggregateId()))
                    .forEach(entry -> events.put(entry.eventId(), entry));
        }
        return events.values().stream()
                .filter(entry -> !(entry.event() instanceof PersonalDataErased))
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
    }

    /** The leads converted into the contact, and those with one of its e-mail addresses or phone numbers. */
    private static List<Lead> leadsOf(Storage storage, TenantId tenant, Contact contact) {
        Map<Object, Lead> leads = new LinkedHashMap<>();
        for (ContactPoint<EmailAddress> email : contact.contactPoints().emails()) {
            storage.leads().findByEmail(tenant, email.value()).forEach(lead -> leads.putIfAbsent(lead.id(), lead));
        }
        for (ContactPoint<PhoneNumber> phone : contact.contactPoints().phones()) {
            storage.leads().findByPhone(tenant, phone.value()).forEach(lead -> leads.putIfAbsent(lead.id(), lead));
        }
        return List.copyOf(leads.values());
    }

    private static Set<AccountId> accounts(Contact contact, List<Lead> leads) {
        Set<AccountId> accounts = new LinkedHashSet<>();
        if (contact != null) {
            contact.affiliations().stream().map(Affiliation::account).forEach(accounts::add);
        }
        leads.stream()
                .map(Lead::conversion)
                .filter(conversion -> conversion != null && conversion.account() != null)
                .map(LeadConversion::account)
                .forEach(accounts::add);
        return accounts;
    }

    /** The opportunities of the person's accounts where it is the primary contact or has a role, and its leads'. */
    private List<Opportunity> opportunities(Storage storage) {
        Map<Object, Opportunity> found = new LinkedHashMap<>();
        for (AccountId account : accounts) {
            storage.opportunities().findByAccount(tenant, account).stream()
                    .filter(this::isParty)
                    .forEach(opportunity -> found.putIfAbsent(opportunity.id(), opportunity));
        }
        leads.stream()
                .map(Lead::conversion)
                .filter(conversion -> conversion != null && conversion.opportunity() != null)
                .forEach(conversion -> storage.opportunities()
                        .findById(tenant, conversion.opportunity())
                        .ifPresent(opportunity -> found.putIfAbsent(opportunity.id(), opportunity)));
        return List.copyOf(found.values());
    }

    private boolean isParty(Opportunity opportunity) {
        if (contact == null) {
            return leads.stream()
                    .anyMatch(lead -> lead.id().equals(opportunity.state().originLead()));
        }
        return contact.id().equals(opportunity.state().primaryContact())
                || opportunity.state().contactRoles().stream()
                        .map(ContactRole::contact)
                        .anyMatch(contact.id()::equals)
                || leads.stream()
                        .anyMatch(lead -> lead.id().equals(opportunity.state().originLead()));
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        if (contact != null) {
            PersonName name = contact.name();
            addName(names, name.firstName(), name.lastName());
            if (name.firstName() != null && name.middleName() != null) {
                addName(names, name.firstName() + " " + name.middleName(), name.lastName());
            }
        }
        for (Lead lead : leads) {
            addName(names, lead.details().firstName(), lead.details().lastName());
        }
        return names;
    }

    private Set<String> nameWords() {
        Set<String> words = new LinkedHashSet<>(names);
        if (contact != null) {
            addWord(words, contact.name().firstName());
            addWord(words, contact.name().lastName());
        }
        for (Lead lead : leads) {
            addWord(words, lead.details().firstName());
            addWord(words, lead.details().lastName());
        }
        // the name of an erased record is no name of the person
        words.remove(Pseudonyms.ERASED_NAME);
        return words;
    }

    private static void addWord(Set<String> words, String word) {
        if (word != null && word.strip().length() > 1) {
            words.add(word.strip());
        }
    }

    private static void addName(Set<String> names, String first, String last) {
        if (last == null || first == null) {
            return;
        }
        names.add(first + " " + last);
        names.add(last + ", " + first);
    }

    /**
     * What identifies the person in text anywhere: ids of the person and of the records that are about it, full
     * names, e-mail addresses and phone numbers. Not a first or last name alone, which would match other people.
     */
    private Set<String> identifiers() {
        Set<String> identifiers = new LinkedHashSet<>(names);
        identifiers.add(subject.id().toString());
        if (contact != null) {
            identifiers.add(contact.id().value().toString());
            for (ContactPoint<EmailAddress> email : contact.contactPoints().emails()) {
                identifiers.add(email.value().value());
                identifiers.add(email.value().normalized());
            }
            contact.contactPoints()
                    .phones()
                    .forEach(phone -> identifiers.add(phone.value().e164()));
        }
        for (Lead lead : leads) {
            identifiers.add(lead.id().value().toString());
            if (lead.details().email() != null) {
                identifiers.add(lead.details().email().value());
                identifiers.add(lead.details().email().normalized());
            }
            if (lead.details().phone() != null) {
                identifiers.add(lead.details().phone().e164());
            }
        }
        activities.forEach(activity -> identifiers.add(activity.id().value().toString()));
        tasks.forEach(task -> identifiers.add(task.id().value().toString()));
        cases.forEach(serviceCase -> identifiers.add(serviceCase.id().value().toString()));
        return identifiers;
    }
}
