package org.crmkit.core.privacy;

import java.time.Instant;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * The answer to a subject access request: everything crmkit holds about a contact or a lead as one JSON document
 * (UTF-8 text), in the format described in docs/privacy-and-access.md, whose version the document states in
 * {@code formatVersion} and {@link #formatVersion()} repeats.
 */
public record SubjectExport(RecordRef subject, Instant exportedAt, int formatVersion, String json) {

    /** The version of the export format this crmkit writes: {@value}. */
    public static final int FORMAT_VERSION = 1;

    public SubjectExport {
        Require.notNull(subject, "subject");
        Require.notNull(exportedAt, "exportedAt");
        Require.positive(formatVersion, "formatVersion");
        Require.notBlank(json, "json");
    }
}
