package org.crmkit.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.lead.LeadConversion;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.ParentLink;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.service.ServiceCaseState;

/**
 * A related record's state with every reference to a merged contact or account replaced by the survivor: the same
 * state when it refers to none. Lists that would then name the survivor twice name it once.
 */
final class Repointed {

    private final RecordType type;
    private final UUID survivor;
    private final Set<UUID> merged;

    Repointed(RecordType type, UUID survivor, List<UUID> merged) {
        this.type = type;
        this.survivor = survivor;
        this.merged = Set.copyOf(merged);
    }

    /** The survivor, as a reference. */
    RecordRef survivorRef() {
        return new RecordRef(type, survivor);
    }

    private UUID id(UUID id) {
        return id != null && merged.contains(id) ? survivor : id;
    }

    private ContactId contact(ContactId id) {
        return type != RecordType.CONTACT || id == null ? id : ContactId.of(id(id.value()));
    }

    private AccountId account(AccountId id) {
        return type != RecordType.ACCOUNT || id == null ? id : AccountId.of(id(id.value()));
    }

    private RecordRef ref(RecordRef ref) {
        return ref == null || ref.type() != type ? ref : new RecordRef(type, id(ref.id()));
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    ActivityState activity(ActivityState s) {
        return new ActivityState(
                s.tenant(),
                s.id(),
                s.version(),
                s.kind(),
                s.direction(),
                s.occurredAt(),
                s.duration(),
                s.subject(),
                s.summary(),
                s.outcome(),
                distinct(s.contacts().stream().map(this::contact).toList()),
                distinct(s.accounts().stream().map(this::account).toList()),
                distinct(s.relatedRecords().stream().map(this::ref).toList()),
                s.loggedBy(),
                s.loggedAt(),
                s.correctedBy(),
                s.correctedAt());
    }

    TaskState task(TaskState s) {
        return new TaskState(
                s.tenant(),
                s.id(),
                s.version(),
                s.subject(),
                s.description(),
                s.dueAt(),
                s.assignee(),
                s.priority(),
                s.status(),
                ref(s.link()),
                s.reminderAt(),
                s.reminderSentAt(),
                s.createdAt(),
                s.createdBy(),
                s.completedAt(),
                s.completedBy(),
                s.recurrence(),
                s.reminderLead(),
                s.nextOccurrence(),
                s.overdueNoticeSentAt(),
                s.escalatedAt(),
                s.escalatedTo());
    }

    ServiceCaseState serviceCase(ServiceCaseState s) {
        return new ServiceCaseState(
                s.tenant(),
                s.id(),
                s.version(),
                account(s.account()),
                contact(s.contact()),
                s.subject(),
                s.description(),
                s.channel(),
                s.category(),
                s.priority(),
                s.status(),
                s.assignee(),
                s.openedAt(),
                s.openedBy(),
                s.firstResponseDueAt(),
                s.resolutionDueAt(),
                s.firstRespondedAt(),
                s.resolution(),
                s.resolvedAt(),
                s.closedAt(),
                s.reopenCount());
    }

    OpportunityState opportunity(OpportunityState s) {
        return new OpportunityState(
                s.tenant(),
                s.id(),
                s.version(),
                s.name(),
                account(s.account()),
                contact(s.primaryContact()),
                s.pipeline(),
                s.stage(),
                s.stageEnteredAt(),
                s.status(),
                s.currency(),
                s.amount(),
                s.expectedCloseDate(),
                s.owner(),
                s.probabilityOverride(),
                s.nextStep(),
                distinct(s.contactRoles().stream()
                        .map(role -> new ContactRole(contact(role.contact()), role.role()))
                        .toList()),
                s.lineItems(),
                s.stageHistory(),
                s.approvals(),
                s.closeReason(),
                s.competitor(),
                s.closedAt(),
                s.staleAlert(),
                s.customFields(),
                s.originLead(),
                s.campaign(),
                s.createdAt(),
                s.externalRefs());
    }

    InvoiceState invoice(InvoiceState s) {
        return new InvoiceState(
                s.tenant(),
                s.id(),
                s.version(),
                s.number(),
                account(s.account()),
                s.issueDate(),
                s.dueDate(),
                s.currency(),
                s.lines(),
                s.status(),
                s.settlements(),
                s.writtenOff(),
                s.statusReason(),
                s.createdAt(),
                s.issuedAt(),
                s.externalRefs());
    }

    PaymentState payment(PaymentState s) {
        return new PaymentState(
                s.tenant(),
                s.id(),
                s.version(),
                account(s.account()),
                s.amount(),
                s.receivedOn(),
                s.method(),
                s.reference(),
                s.allocations(),
                s.recordedAt(),
                s.externalRefs());
    }

    CreditNoteState creditNote(CreditNoteState s) {
        return new CreditNoteState(
                s.tenant(),
                s.id(),
                s.version(),
                s.number(),
                account(s.account()),
                s.invoice(),
                s.amount(),
                s.issueDate(),
                s.reason(),
                s.applications(),
                s.createdAt(),
                s.externalRefs());
    }

    /** The lead's conversion lineage: converted into a merged record, it counts as converted into the survivor. */
    LeadState lead(LeadState s) {
        LeadConversion c = s.conversion();
        LeadConversion conversion = c == null
                ? null
                : new LeadConversion(contact(c.contact()), account(c.account()), c.opportunity(), c.convertedAt());
        return new LeadState(
                s.tenant(),
                s.id(),
                s.version(),
                s.details(),
                s.source(),
                s.campaign(),
                s.utm(),
                s.status(),
                s.disqualificationReason(),
                s.owner(),
                s.score(),
                s.scoreBreakdown(),
                s.qualification(),
                s.scoredAt(),
                s.lastEngagementAt(),
                s.assignment(),
                s.capturedAt(),
                conversion);
    }

    /** A contact's links to a merged account become links to the survivor (a link equal to one it has is dropped). */
    ContactState contactLinks(ContactState s) {
        return new ContactState(
                s.tenant(),
                s.id(),
                s.version(),
                s.name(),
                s.details(),
                s.contactPoints(),
                s.tags(),
                s.customFields(),
                s.owner(),
                s.territory(),
                s.customerSince(),
                s.consents(),
                distinct(s.affiliations().stream()
                        .map(link -> new Affiliation(
                                account(link.account()), link.role(), link.decisionMaker(), link.period()))
                        .toList()),
                s.registeredAt(),
                s.externalRefs());
    }

    /** An account's parent links to a merged account become links to the survivor. */
    AccountState accountParents(AccountState s) {
        return new AccountState(
                s.tenant(),
                s.id(),
                s.version(),
                s.name(),
                s.details(),
                s.contactPoints(),
                s.tags(),
                s.customFields(),
                s.owner(),
                s.territory(),
                s.customerSince(),
                distinct(s.parents().stream()
                        .map(link -> new ParentLink(account(link.parent()), link.period()))
                        .toList()),
                s.creditHold(),
                s.registeredAt(),
                s.externalRefs());
    }
}
