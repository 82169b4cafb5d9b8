package org.crmkit.testkit.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;

/**
 * A host's {@link MessageChannel} for tests: records every message it is given, with its deduplication key and the
 * clock's time, in the order received, and can stand for a gateway that fails ({@link #failNext}) or refuses one
 * key for good ({@link #refuse}). Give it to {@code WorkflowRuntime.Builder.channel(channel, recording)}, or take
 * the ones a {@link WorkflowScenario} wires. Thread-safe.
 */
public final class RecordingChannel implements MessageChannel {

    /** A message as the channel received it: its deduplication key, the message, and the time it went out. */
    public record Sent(String key, Message message, Instant at) {

        /** The name the message addresses its recipient by. */
        public String recipient() {
            return message.recipient();
        }
    }

    /** What the channel throws when it fails on purpose: the gateway did not take the message. */
    public static final class GatewayUnavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        GatewayUnavailable(String message) {
            super(message);
        }
    }

    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String failure = "";
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    private RecordingChannel(Clock clock) {
        this.clock = clock;
    }

    /** A channel that records the time of each message from {@code clock}. */
    public static RecordingChannel at(Clock clock) {
        return new RecordingChannel(Require.notNull(clock, "clock"));
    }

    @Override
    public void send(String deduplicationKey, Message message) {
        String refusal = refused.get(deduplicationKey);
        if (refusal != null) {
            throw new GatewayUnavailable(refusal);
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new GatewayUnavailable(failure);
        }
        synchronized (sent) {
            sent.add(new Sent(deduplicationKey, message, clock.instant()));
        }
    }

    /**
     * Makes the next {@code calls} calls fail with {@code reason} (the action's {@code lastError}), as a gateway that
     * is down for a while.
     */
    public RecordingChannel failNext(int calls, String reason) {
        failure = Require.notBlank(reason, "reason");
        failuresLeft.set(Require.positive(calls, "calls"));
        return this;
    }

    /** Makes every call for the deduplication key fail with {@code reason}, as a mailbox that is full for good. */
    public RecordingChannel refuse(String deduplicationKey, String reason) {
        refused.put(Require.notBlank(deduplicationKey, "deduplicationKey"), Require.notBlank(reason, "reason"));
        return this;
    }

    /** Every message received so far, in the order received (a copy). */
    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The deduplication keys of the messages received so far, in order. */
    public List<String> keys() {
        return sent().stream().map(Sent::key).toList();
    }

    /** The messages about the record (an account, a contact), in order. */
    public List<Sent> about(RecordRef record) {
        Require.notNull(record, "record");
        return sent().stream().filter(s -> s.message().about().equals(record)).toList();
    }

    /** The messages whose recipient's name starts with {@code name}, in order. */
    public List<Sent> to(String name) {
        Require.notBlank(name, "name");
        return sent().stream().filter(s -> s.recipient().startsWith(name)).toList();
    }

    /** Forgets the messages received so far. */
    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }
}
