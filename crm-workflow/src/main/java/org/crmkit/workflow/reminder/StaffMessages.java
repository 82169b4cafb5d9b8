package org.crmkit.workflow.reminder;

import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.access.User;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.RenderedMessage;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Messages to staff users: who may receive one, and the email it becomes. */
final class StaffMessages {

    private static final Logger LOG = LoggerFactory.getLogger(StaffMessages.class);

    private StaffMessages() {}

    /** The user when known and active; otherwise empty, with a warning, so that the message waits for the next run. */
    static Optional<User> activeUser(Crm crm, UserId id) {
        Optional<User> user = crm.access().findUser(id).filter(User::isActive);
        if (user.isEmpty()) {
            LOG.warn("user {} is unknown or inactive; messages to them wait", id);
        }
        return user;
    }

    /** The rendered text as an email to the user about the record. */
    static Message email(User recipient, RenderedMessage text, RecordRef about) {
        return new Message(
                Channel.EMAIL,
                recipient.email().value(),
                recipient.name(),
                Texts.subject(text.subject()),
                text.body(),
                text.language(),
                about);
    }
}
