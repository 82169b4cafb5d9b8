package org.crmkit.workflow.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.workflow.action.Channel;

/**
 * A follow-up sequence: ordered steps that send an email or SMS from a template, create a call task (and wait for
 * it), or wait a number of business days.
 *
 * <pre>{@code
 * Sequence onboarding = Sequence.named("onboarding")
 *         .email("welcome")
 *         .waitBusinessDays(3)
 *         .callTask("Onboarding call", null, 1)
 *         .email("tips")
 *         .build();
 * }</pre>
 *
 * @param key stable name: lower-case words joined by dashes; part of every deduplication key of its actions
 */
public record Sequence(String key, List<SequenceStep> steps) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Sequence {
        Require.notBlank(key, "key");
        Require.that(KEY.matcher(key).matches(), "key", "must be lower-case words joined by dashes, was '" + key + "'");
        steps = Require.noNulls(steps, "steps");
        Require.that(!steps.isEmpty(), "steps", "a sequence needs at least one step");
    }

    public static Builder named(String key) {
        return new Builder(key);
    }

    /** Collects the steps of a {@link Sequence} in order. */
    public static final class Builder {

        private final String key;
        private final List<SequenceStep> steps = new ArrayList<>();

        private Builder(String key) {
            this.key = key;
        }

        public Builder email(String template) {
            return step(new SequenceStep.SendMessage(Channel.EMAIL, template));
        }

        public Builder sms(String template) {
            return step(new SequenceStep.SendMessage(Channel.SMS, template));
        }

        /** A call task; {@code assignee} null means the contact's owner. */
        public Builder callTask(String subject, UserId assignee, int dueInBusinessDays) {
            return step(new SequenceStep.CallTask(subject, assignee, dueInBusinessDays));
        }

        public Builder waitBusinessDays(int days) {
            return step(new SequenceStep.WaitBusinessDays(days));
        }

        public Builder step(SequenceStep step) {
            steps.add(Require.notNull(step, "step"));
            return this;
        }

        public Sequence build() {
            return new Sequence(key, steps);
        }
    }
}
