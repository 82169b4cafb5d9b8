package org.crmkit.core.merge;

import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * One record a {@link org.crmkit.core.spi.MergeParticipant} moved: its id, the merged record it belonged to, and
 * the version the merge left it at (an unmerge finds it unchanged while it still has that version). Written into
 * the merge record as {@link #text()}, {@code <record>/<from>/<version>}, and read back with {@link #parse}.
 */
public record MovedRecord(UUID record, UUID from, long version) {

    public MovedRecord {
        Require.notNull(record, "record");
        Require.notNull(from, "from");
        Require.notNegative(version, "version");
    }

    /** The form kept in {@link ParticipantMoves#moved()}. */
    public String text() {
        return record + "/" + from + "/" + version;
    }

    /** Reads {@link #text()} back; {@code InvalidValueException} naming {@code moved} for another text. */
    public static MovedRecord parse(String text) {
        String[] parts = Require.notBlank(text, "moved").split("/", -1);
        try {
            if (parts.length == 3) {
                return new MovedRecord(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException notAnIdOrNumber) {
            // refused below, as any other text
        }
        throw InvalidValueException.invalid("moved", "'" + text + "' is not <record>/<from>/<version>");
    }
}
