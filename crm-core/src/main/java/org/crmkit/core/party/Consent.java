package org.crmkit.core.party;

import java.time.Instant;
import org.crmkit.core.common.Require;

/**
 * One recorded consent decision of a contact for a channel and purpose: granted or withdrawn, where it came from
 * ({@code "web-form"}, {@code "call"}, {@code "import"}; at most 100 characters) and when it was recorded.
 */
public record Consent(
        ConsentChannel channel, ConsentPurpose purpose, ConsentStatus status, String source, Instant recordedAt) {

    public Consent {
        Require.notNull(channel, "channel");
        Require.notNull(purpose, "purpose");
        Require.notNull(status, "status");
        source = Require.maxLength(Require.notBlank(source, "source"), 100, "source");
        Require.notNull(recordedAt, "recordedAt");
    }

    public boolean isGranted() {
        return status == ConsentStatus.GRANTED;
    }

    boolean isFor(ConsentChannel channel, ConsentPurpose purpose) {
        return this.channel == channel && this.purpose == purpose;
    }
}
