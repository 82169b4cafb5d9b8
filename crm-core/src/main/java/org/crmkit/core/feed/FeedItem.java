package org.crmkit.core.feed;

import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Require;

/**
 * A record as the change feed hands it out: its current state when it exists ({@link Changed}), or a tombstone when
 * it was deleted or merged into another record ({@link Removed}, with the survivor to follow for a merge). Several
 * changes of one record read together come as one item, at the position of the last.
 */
public sealed interface FeedItem {

    /** The position of the record's last change that this item reflects. */
    long position();

    /** The record's aggregate name, e.g. {@code Contact}. */
    String recordType();

    UUID recordId();

    /** A record that exists: {@code record} is its current state (a {@code Contact}, an {@code Account}...). */
    record Changed(long position, String recordType, UUID recordId, AggregateRoot<?> record) implements FeedItem {

        public Changed {
            Require.notNull(recordType, "recordType");
            Require.notNull(recordId, "recordId");
            Require.notNull(record, "record");
        }
    }

    /**
     * A record the reader should forget: deleted, merged into {@code mergedInto} (null when it was not a merge), or no
     * longer visible to the reader.
     */
    record Removed(long position, String recordType, UUID recordId, UUID mergedInto) implements FeedItem {

        public Removed {
            Require.notNull(recordType, "recordType");
            Require.notNull(recordId, "recordId");
        }

        /** The record that the removed one was merged into, to follow its references to. */
        public Optional<UUID> redirect() {
            return Optional.ofNullable(mergedInto);
        }
    }
}
