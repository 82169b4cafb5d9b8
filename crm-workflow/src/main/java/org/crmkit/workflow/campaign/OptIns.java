package org.crmkit.workflow.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Double opt-in for e-mail: the confirmation message with a signed link, and the consent granted when the link comes
 * back, with its evidence (the consent's source names the campaign; the timeline keeps the address and when).
 */
final class OptIns {

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final OptInTokens tokens;
    private final TemplateRenderer templates;
    private final Locale defaultLanguage;
    private final ConsentPurpose purpose;
    private final String link;
    private final Duration validity;

    OptIns(
            WorkflowRuntime runtime,
            OptInTokens tokens,
            TemplateRenderer templates,
            Locale defaultLanguage,
            ConsentPurpose purpose,
            String link,
            Duration validity) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.tokens = tokens;
        this.templates = templates;
        this.defaultLanguage = defaultLanguage;
        this.purpose = purpose;
        this.link = link;
        this.validity = validity;
    }

    boolean request(Campaign campaign, ContactId contactId) {
        return runtime.inTransactionRetryingCollisions("opt-in request", () -> {
            runtime.outbox().lock(RecordRef.contact(contactId));
            Contact contact = crm.parties()
                    .findContact(contactId)
                    .orElseThrow(() -> new RecordNotFoundException("Contact", contactId));
            String email = Channel.EMAIL
                    .addressIn(contact.contactPoints())
                    .orElseThrow(() -> InvalidValueException.invalid("contact", "has no e-mail address to confirm"));
            if (contact.mayContact(ConsentChannel.EMAIL, purpose)) {
                return false;
            }
            Instant now = crm.clock().instant();
            String token = tokens.issue(runtime.tenant(), campaign.id(), contactId, email, now.plus(validity));
            Locale language = ContactMessages.languageOf(contact, defaultLanguage);
            Map<String, String> values = ContactMessages.personalValues(contact);
            values.put("campaign", campaign.name());
            values.put("confirmationLink", link + token);
            values.put("validDays", Long.toString(validity.toDays()));
            RenderedMessage text = templates.render(CampaignSends.CONFIRMATION_TEMPLATE, language, values);
            return runtime.outbox()
                    .schedule(
                            CampaignSends.NAME,
                            new PlannedAction(
                                    "campaign-opt-in:" + campaign.id() + ":" + contactId,
                                    "campaign-opt-in:" + contactId,
                                    new Message(
                                            Channel.EMAIL,
                                            email,
                                            contact.name().fullName(),
                                            text.subject(),
                                            text.body(),
                                            text.language(),
                                            RecordRef.contact(contactId)),
                                    now));
        });
    }

    Contact confirm(String token) {
        OptInTokens.Request request = tokens.read(token);
        return runtime.inTransactionRetryingCollisions("opt-in confirmation", () -> {
            Optional<Contact> contact = crm.parties().findContact(request.contact());
            Optional<String> email = contact.flatMap(found -> Channel.EMAIL.addressIn(found.contactPoints()));
            Instant now = crm.clock().instant();
            if (email.isEmpty()
                    || !tokens.signedFor(runtime.tenant(), request, email.get())
                    || now.isAfter(request.expiresAt())) {
                throw OptInTokens.invalid();
            }
            crm.activities()
                    .logActivity(NewActivity.of(
                                    ActivityKind.EMAIL,
                                    Direction.INBOUND,
                                    "Double opt-in confirmed for " + email.get(),
                                    now)
                            .aboutContact(request.contact())
                            .withSummary("Confirmation link of campaign " + request.campaign() + ", valid until "
                                    + request.expiresAt() + ", opened at " + now));
            return crm.parties()
                    .grantConsent(
                            request.contact(),
                            ConsentChannel.EMAIL,
                            purpose,
                            "double opt-in campaign " + request.campaign());
        });
    }
}
