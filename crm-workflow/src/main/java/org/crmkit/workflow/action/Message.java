package org.crmkit.workflow.action;

import java.util.Locale;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * A message to a customer, delivered through the host's {@code MessageChannel} for its channel.
 *
 * @param address   the email address, E.164 phone number or postal address as text
 * @param recipient the name to address the customer by
 * @param language  the language the text is written in
 * @param about     the record the message is about (an account, a contact), for the timeline
 */
public record Message(
        Channel channel,
        String address,
        String recipient,
        String subject,
        String body,
        Locale language,
        RecordRef about)
        implements ActionPayload {

    public Message {
        Require.notNull(channel, "channel");
        address = Require.notBlank(address, "address");
        recipient = Require.notBlank(recipient, "recipient");
        subject = Require.maxLength(Require.notBlank(subject, "subject"), 200, "subject");
        body = Require.notBlank(body, "body");
        Require.notNull(language, "language");
        Require.notNull(about, "about");
    }

    @Override
    public String describe() {
        return channel + " to " + address + ": " + subject;
    }
}
