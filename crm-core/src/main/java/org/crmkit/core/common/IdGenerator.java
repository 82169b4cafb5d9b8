package org.crmkit.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Generates time-ordered UUIDs (version 7, RFC 9562) from an injected clock: ids sort by creation time, which keeps
 * B-tree indexes compact. Within one millisecond the 12-bit sequence field keeps ids of one generator strictly
 * increasing. Thread-safe.
 */
public final class IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int sequence;

    public IdGenerator(Clock clock) {
        this.clock = Require.notNull(clock, "clock");
    }

    /** A new, unique, time-ordered UUID. */
    public UUID next() {
        long millis;
        int seq;
        synchronized (this) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xFFF) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = 0;
            }
            lastMillis = millis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
