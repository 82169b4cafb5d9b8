package org.crmkit.core.spi;

import java.time.Instant;
import org.crmkit.core.common.Require;

/**
 * An event the relay gave up on: every listener was tried {@code attempts} times and the last try failed with
 * {@code lastFailure} (the exception's class and message, at most {@link #MAX_FAILURE_LENGTH} characters). It is
 * no longer delivered until staff retry it ({@code crm.events().retry(eventId)}) or discard it.
 */
public record DeadLetter(OutboxEntry entry, int attempts, String lastFailure, Instant deadLetteredAt) {

    /** The longest failure text an outbox keeps. */
    public static final int MAX_FAILURE_LENGTH = 2000;

    public DeadLetter {
        Require.notNull(entry, "entry");
        Require.positive(attempts, "attempts");
        Require.maxLength(Require.notNull(lastFailure, "lastFailure"), MAX_FAILURE_LENGTH, "lastFailure");
        Require.notNull(deadLetteredAt, "deadLetteredAt");
    }
}
