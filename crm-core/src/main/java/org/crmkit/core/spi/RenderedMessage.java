package org.crmkit.core.spi;

import java.util.Locale;
import org.crmkit.core.common.Require;

/**
 * A message ready to send: the language its template was found in (after any fallback), the subject (empty for
 * channels without one, such as SMS) and the body.
 */
public record RenderedMessage(Locale language, String subject, String body) {

    public RenderedMessage {
        Require.notNull(language, "language");
        Require.notNull(subject, "subject");
        Require.notNull(body, "body");
    }
}
