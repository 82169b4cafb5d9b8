package org.crmkit.workflow.action;

import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.offer.OfferChoice;

/**
 * A message to a customer, delivered through the host's {@code MessageChannel} for its channel.
 *
 * @param address   the email address, E.164 phone number or postal address as text
 * @param recipient the name to address the customer by
 * @param language  the language the text is written in
 * @param about     the record the message is about (an account, a contact), for the timeline
 * @param offer     the offer the message makes, chosen by the tenant's offer rules, with the rule that decided it;
 *                  null when the message makes none (no rule applied, or the workflow does not make offers)
 */
public record Message(
        Channel channel,
        String address,
        String recipient,
        String subject,
        String body,
        Locale language,
        RecordRef about,
        OfferChoice offer)
        implements ActionPayload {

    public Message {
        Require.notNull(channel, "channel");
        address = Require.notBlank(address, "address");
        recipient = Require.notBlank(recipient, "recipient");
        subject = Require.maxLength(Require.notBlank(subject, "subject"), 200, "subject");
        body = Require.notBlank(body, "body");
        Require.notNull(language, "language");
        Require.notNull(about, "about");
        Require.that(offer == null || offer.offer() != null, "offer", "must be a choice that made an offer, or null");
    }

    /** A message that makes no offer. */
    public Message(
            Channel channel,
            String address,
            String recipient,
            String subject,
            String body,
            Locale language,
            RecordRef about) {
        this(channel, address, recipient, subject, body, language, about, null);
    }

    /** The offer the message makes and the rule that chose it, if it makes one. */
    public Optional<OfferChoice> madeOffer() {
        return Optional.ofNullable(offer);
    }

    @Override
    public String describe() {
        return channel + " to " + address + ": " + subject;
    }
}
