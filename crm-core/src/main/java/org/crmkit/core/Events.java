package org.crmkit.core;

import java.util.UUID;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.DeadLetter;

/**
 * The calling tenant's dead letters: committed events that the listeners failed on as many times as the relay tries
 * ({@code Crm.Builder.eventDeliveryAttempts}), so that it gave up on them. Staff read them, retry them once the
 * cause is mended (the event is delivered again, after the later events of its aggregate that went on without it) or
 * discard them. Which staff may do so is the host's decision. Thread-safe.
 */
public final class Events {

    private static final String DEAD_LETTER = "DeadLetter";

    private final UseCases useCases;

    Events(UseCases useCases) {
        this.useCases = useCases;
    }

    /** The calling tenant's dead letters, oldest event first. */
    public Page<DeadLetter> deadLetters(PageRequest page) {
        Require.notNull(page, "page");
        return useCases.storage
                .transactions()
                .inTransaction(() -> useCases.storage.outbox().deadLetters(useCases.tenant(), page));
    }

    /**
     * Makes the dead letter pending again with a fresh count of attempts and delivers it at once (a failure counts as
     * its first attempt again). Throws {@link RecordNotFoundException} when the calling tenant has no such dead letter.
     */
    public void retry(UUID eventId) {
        Require.notNull(eventId, "eventId");
        useCases.write(
                () -> requireFound(useCases.storage.outbox().retryDeadLetter(useCases.tenant(), eventId), eventId));
    }

    /**
     * Discards the dead letter: it is never delivered and no longer listed. Throws {@link RecordNotFoundException}
     * when the calling tenant has no such dead letter.
     */
    public void discard(UUID eventId) {
        Require.notNull(eventId, "eventId");
        useCases.write(
                () -> requireFound(useCases.storage.outbox().discardDeadLetter(useCases.tenant(), eventId), eventId));
    }

    private static boolean requireFound(boolean found, UUID eventId) {
        if (!found) {
            throw new RecordNotFoundException(DEAD_LETTER, eventId);
        }
        return true;
    }
}
