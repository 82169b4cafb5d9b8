package org.crmkit.examples.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.spring.boot.CrmkitChannel;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * The application's email channel. A real application hands the message to its mail server here; this one keeps
 * what it sent, once per deduplication key (a redelivery after a crash carries the same key), for
 * {@code GET /messages}.
 */
@Component
@CrmkitChannel(Channel.EMAIL)
class SentMail implements MessageChannel {

    /** One email as sent. */
    record Sent(String deduplicationKey, String to, String subject) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void send(String deduplicationKey, Message message) {
        if (sent.stream().noneMatch(mail -> mail.deduplicationKey().equals(deduplicationKey))) {
            sent.add(new Sent(deduplicationKey, message.address(), message.subject()));
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }
}
