package org.crmkit.workflow.greeting;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.core.spi.TemplateRenderer;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.ContactMessages;
import org.crmkit.workflow.action.Message;

/**
 * Writes the greetings of {@link Greetings}: who may receive one on the configured channel and purpose, and the
 * message rendered from the greeting's template in the contact's language with the values the templates may use.
 */
final class GreetingMessages {

    private final Crm crm;
    private final TemplateRenderer templates;
    private final Locale defaultLanguage;
    private final Channel channel;
    private final ConsentPurpose purpose;
    private final OfferCodes offerCodes;

    GreetingMessages(
            Crm crm,
            TemplateRenderer templates,
            Locale defaultLanguage,
            Channel channel,
            ConsentPurpose purpose,
            OfferCodes offerCodes) {
        this.crm = crm;
        this.templates = templates;
        this.defaultLanguage = defaultLanguage;
        this.channel = channel;
        this.purpose = purpose;
        this.offerCodes = offerCodes;
    }

    /** Whether the contact consented to greetings on the channel for the purpose. */
    boolean mayGreet(Contact contact) {
        return contact.mayContact(channel.consentChannel(), purpose);
    }

    /** The greeting's message to the contact, if the contact may be greeted and has an address for the channel. */
    Optional<Message> messageTo(Contact contact, DueGreeting greeting) {
        if (!mayGreet(contact)) {
            return Optional.empty();
        }
        return channel.addressIn(contact.contactPoints()).map(address -> message(contact, address, greeting));
    }

    private Message message(Contact contact, String address, DueGreeting greeting) {
        Locale language = ContactMessages.languageOf(contact, defaultLanguage);
        Map<String, String> values = ContactMessages.personalValues(contact);
        values.putAll(greeting.extra());
        values.put("language", language.toLanguageTag());
        values.put(
                "tags",
                String.join(", ", contact.tags().values().stream().sorted().toList()));
        Optional<OfferChoice> offer =
                ContactMessages.chooseOffer(crm, contact, greeting.occasion(), greeting.day(), values);
        if (offer.isEmpty()) {
            offerCodes
                    .codeFor(contact.id(), greeting.occasion(), greeting.day().getYear())
                    .ifPresent(code -> {
                        values.put("offerCode", code);
                        values.put("offer", code);
                    });
        }
        RenderedMessage text = templates.render(greeting.template(), language, values);
        return new Message(
                channel,
                address,
                contact.name().fullName(),
                text.subject(),
                text.body(),
                text.language(),
                RecordRef.contact(contact.id()),
                offer.orElse(null));
    }
}
