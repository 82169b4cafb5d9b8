package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.Map;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;

/**
 * A message from a customer as the host received it: an e-mail, a web form, a chat transcript or the note of a
 * phone call.
 *
 * @param contact    the customer, when the host knows it; otherwise crmkit looks the sender's address up
 * @param from       the sender's e-mail address or phone number, as received
 * @param headers    the message's headers (e-mail: {@code Message-ID}, {@code In-Reply-To}, {@code References});
 *                   empty when none
 * @param receivedAt when the message arrived
 */
public record InboundMessage(
        ServiceChannel channel,
        ContactId contact,
        String from,
        String subject,
        String body,
        Map<String, String> headers,
        Instant receivedAt) {

    public static final int MAX_BODY = 10_000;

    public InboundMessage {
        Require.notNull(channel, "channel");
        Require.that(
                channel != ServiceChannel.SMS && channel != ServiceChannel.LETTER,
                "channel",
                channel + " is for replies; messages come in by EMAIL, WEB_FORM, CHAT or PHONE");
        from = Require.maxLength(Require.notBlank(from, "from"), 320, "from");
        subject = Require.maxLength(Require.notBlank(subject, "subject"), 200, "subject");
        body = Require.maxLength(Require.notBlank(body, "body"), MAX_BODY, "body");
        headers = Map.copyOf(Require.notNull(headers, "headers"));
        Require.notNull(receivedAt, "receivedAt");
    }

    /** A message without headers from a sender crmkit looks up by address. */
    public static InboundMessage of(
            ServiceChannel channel, String from, String subject, String body, Instant receivedAt) {
        return new InboundMessage(channel, null, from, subject, body, Map.of(), receivedAt);
    }

    public InboundMessage withHeaders(Map<String, String> headers) {
        return new InboundMessage(channel, contact, from, subject, body, headers, receivedAt);
    }

    public InboundMessage fromContact(ContactId contact) {
        return new InboundMessage(channel, contact, from, subject, body, headers, receivedAt);
    }
}
