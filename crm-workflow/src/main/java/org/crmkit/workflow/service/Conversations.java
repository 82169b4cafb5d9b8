package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;

/**
 * The conversation side of {@link CustomerService}: inbound messages opening or joining cases, replies and the
 * survey going out through the runtime, the service-level clock following the case. Every method runs inside the
 * caller's transaction.
 */
final class Conversations {

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final ServiceSetup setup;

    Conversations(WorkflowRuntime runtime, ServiceSetup setup) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.setup = setup;
    }

    Received receive(InboundMessage message) {
        Contact contact = sender(message);
        Optional<CaseConversation> thread = CaseReferences.in(message)
                .flatMap(reference -> setup.store().findByReference(runtime.tenant(), reference))
                .filter(conversation -> conversation.contact().equals(contact.id()))
                .filter(conversation -> caseOf(conversation).status() != CaseStatus.CLOSED);
        Received received =
                thread.map(conversation -> threadInto(conversation, message)).orElseGet(() -> open(contact, message));
        logInbound(contact, message, received.serviceCase().id());
        return received;
    }

    CaseConversation reply(CaseId caseId, ServiceChannel channel, String text) {
        CaseConversation conversation = conversation(caseId);
        Channel out = channel.replyChannel()
                .orElseThrow(() -> InvalidValueException.invalid(
                        "channel", channel + " has no way out; reply by EMAIL, SMS or LETTER"));
        Contact contact = crm.parties().contact(conversation.contact());
        String address = out.addressIn(contact.contactPoints())
                .orElseThrow(() -> InvalidValueException.invalid(
                        "channel", "contact " + contact.id() + " has no address for " + out));
        ServiceCase serviceCase = caseOf(conversation);
        String subject = CaseReferences.subject(serviceCase.subject(), conversation.reference());
        schedule(conversation, "reply:" + conversation.entries().size(), contact, out, address, subject, text);
        crm.serviceDesk().respond(caseId);
        Instant now = crm.clock().instant();
        SlaClock clock = setup.timer(conversation.sla()).reach(conversation.sla(), Milestone.FIRST_RESPONSE, now);
        return setup.store()
                .update(conversation
                        .with(new ConversationEntry(Direction.OUTBOUND, channel, now, address, subject, text))
                        .with(clock));
    }

    CaseConversation waitForCustomer(CaseId caseId) {
        CaseConversation conversation = conversation(caseId);
        crm.serviceDesk().waitForCustomer(caseId);
        SlaClock clock = setup.timer(conversation.sla())
                .pause(conversation.sla(), crm.clock().instant());
        return setup.store().update(conversation.with(clock));
    }

    CaseConversation resolve(CaseId caseId, String resolution) {
        CaseConversation conversation = conversation(caseId);
        ServiceCase serviceCase = crm.serviceDesk().resolve(caseId, resolution);
        Instant now = crm.clock().instant();
        SlaTimer timer = setup.timer(conversation.sla());
        SlaClock clock = timer.pause(
                timer.reach(timer.reach(conversation.sla(), Milestone.FIRST_RESPONSE, now), Milestone.RESOLUTION, now),
                now);
        CaseConversation resolved = conversation.with(clock);
        if (setup.surveyLinks() != null && resolved.surveyedAt() == null && survey(resolved, serviceCase)) {
            resolved = resolved.surveyed(now);
        }
        return setup.store().update(resolved);
    }

    CaseConversation recordSurvey(CaseId caseId, SurveyAnswer answer) {
        CaseConversation conversation = conversation(caseId);
        crm.activities()
                .logActivity(NewActivity.note(
                                conversation.contact(),
                                "Satisfaction survey " + conversation.reference(),
                                "CSAT " + (answer.csat() == null ? "-" : answer.csat()) + ", NPS "
                                        + (answer.nps() == null ? "-" : answer.nps())
                                        + (answer.comment() == null ? "" : ": " + answer.comment()),
                                answer.answeredAt())
                        .regarding(RecordRef.serviceCase(caseId)));
        return setup.store().update(conversation.answered(answer));
    }

    CaseConversation conversation(CaseId caseId) {
        return setup.store()
                .findByCase(runtime.tenant(), caseId)
                .orElseThrow(() -> new RecordNotFoundException("CaseConversation", caseId));
    }

    private Received open(Contact contact, InboundMessage message) {
        NewCase details = new NewCase(
                null,
                contact.id(),
                message.subject(),
                message.body(),
                message.channel().caseChannel(),
                setup.category().apply(message),
                setup.priority().apply(message));
        ServiceCase serviceCase = crm.serviceDesk().openCase(details);
        SlaPolicy policy = setup.policyFor(serviceCase.priority(), serviceCase.category());
        SlaClock clock = setup.timer(setup.countryOf(contact), setup.zoneOf(contact))
                .start(policy, setup.countryOf(contact), setup.zoneOf(contact).getId(), message.receivedAt());
        CaseConversation conversation = setup.store()
                .add(new CaseConversation(
                        runtime.tenant(),
                        serviceCase.id(),
                        0,
                        CaseReferences.of(serviceCase.id()),
                        contact.id(),
                        message.receivedAt(),
                        List.of(inbound(message)),
                        clock,
                        null,
                        null));
        return new Received(serviceCase, conversation, true);
    }

    private Received threadInto(CaseConversation conversation, InboundMessage message) {
        ServiceCase serviceCase = caseOf(conversation);
        SlaTimer timer = setup.timer(conversation.sla());
        Instant now = message.receivedAt();
        SlaClock clock = conversation.sla();
        if (serviceCase.status() == CaseStatus.WAITING) {
            serviceCase = crm.serviceDesk().startWork(serviceCase.id());
            clock = timer.resume(clock, now);
        } else if (serviceCase.status() == CaseStatus.RESOLVED) {
            serviceCase = crm.serviceDesk().reopen(serviceCase.id(), "the customer wrote again");
            clock = timer.reopen(clock, now);
        }
        CaseConversation updated =
                setup.store().update(conversation.with(inbound(message)).with(clock));
        return new Received(serviceCase, updated, false);
    }

    private boolean survey(CaseConversation conversation, ServiceCase serviceCase) {
        Contact contact = crm.parties().contact(conversation.contact());
        Optional<String> address = Channel.EMAIL.addressIn(contact.contactPoints());
        if (!contact.mayContact(Channel.EMAIL.consentChannel(), ConsentPurpose.SERVICE) || address.isEmpty()) {
            return false;
        }
        Map<String, String> values = new HashMap<>(ContactMessages.personalValues(contact));
        values.put("caseNumber", conversation.reference());
        values.put("caseSubject", serviceCase.subject());
        values.put("surveyLink", setup.surveyLinks().apply(conversation));
        RenderedMessage text = setup.templates()
                .render("satisfaction-survey", ContactMessages.languageOf(contact, setup.defaultLanguage()), values);
        schedule(conversation, "survey", contact, Channel.EMAIL, address.get(), text.subject(), text.body());
        return true;
    }

    private void schedule(
            CaseConversation conversation,
            String what,
            Contact contact,
            Channel channel,
            String address,
            String subject,
            String body) {
        Message message = new Message(
                channel,
                address,
                contact.name().fullName(),
                subject,
                body,
                ContactMessages.languageOf(contact, setup.defaultLanguage()),
                RecordRef.contact(contact.id()));
        String key = CustomerService.NAME + ":" + conversation.caseId() + ":" + what;
        runtime.outbox()
                .schedule(
                        CustomerService.NAME,
                        new PlannedAction(
                                key,
                                CustomerService.NAME + ":" + conversation.caseId(),
                                message,
                                crm.clock().instant()));
    }

    private Contact sender(InboundMessage message) {
        if (message.contact() != null) {
            return crm.parties().contact(message.contact());
        }
        List<Contact> found = message.channel() == ServiceChannel.PHONE
                ? crm.parties().contactsByPhone(PhoneNumber.parse(message.from()))
                : crm.parties().contactsByEmail(EmailAddress.of(message.from()));
        return found.stream()
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("Contact", message.from(), "from"));
    }

    private ServiceCase caseOf(CaseConversation conversation) {
        return crm.serviceDesk()
                .findCase(conversation.caseId())
                .orElseThrow(() -> new RecordNotFoundException("ServiceCase", conversation.caseId()));
    }

    private void logInbound(Contact contact, InboundMessage message, CaseId caseId) {
        ActivityKind kind = switch (message.channel()) {
            case EMAIL -> ActivityKind.EMAIL;
            case PHONE -> ActivityKind.CALL;
            default -> ActivityKind.NOTE;
        };
        crm.activities()
                .logActivity(NewActivity.of(
                                kind,
                                kind == ActivityKind.NOTE ? null : Direction.INBOUND,
                                message.subject(),
                                message.receivedAt())
                        .aboutContact(contact.id())
                        .withSummary(message.body())
                        .regarding(RecordRef.serviceCase(caseId)));
    }

    private static ConversationEntry inbound(InboundMessage message) {
        return new ConversationEntry(
                Direction.INBOUND,
                message.channel(),
                message.receivedAt(),
                message.from(),
                message.subject(),
                message.body());
    }
}
