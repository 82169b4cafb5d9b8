package org.crmkit.workflow.sequence;

import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.workflow.action.Channel;

/** One step of a follow-up {@link Sequence}. */
public sealed interface SequenceStep {

    /** Sends the contact a message on the channel, rendered from the template, inside the working hours. */
    record SendMessage(Channel channel, String template) implements SequenceStep {

        public SendMessage {
            Require.notNull(channel, "channel");
            Require.notBlank(template, "template");
        }
    }

    /**
     * Creates a call task about the contact, due {@code dueInBusinessDays} after it is created, for the assignee
     * (null: the contact's owner); the sequence waits until the task is done or cancelled.
     */
    record CallTask(String subject, UserId assignee, int dueInBusinessDays) implements SequenceStep {

        public CallTask {
            Require.notBlank(subject, "subject");
            Require.notNegative(dueInBusinessDays, "dueInBusinessDays");
        }
    }

    /** Waits the number of business days of the contact's country; the next step starts at the opening time. */
    record WaitBusinessDays(int days) implements SequenceStep {

        public WaitBusinessDays {
            Require.positive(days, "days");
        }
    }
}
