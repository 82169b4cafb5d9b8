package org.crmkit.core.privacy;

import java.util.Collection;
import java.util.Locale;

/**
 * How every store finds a person's identifiers ({@link DataSubject#identifiers()}) in text: as a part of it,
 * ignoring case. For the in-memory stores of other modules and of hosts; a database adapter does the same in SQL.
 */
public final class Identifiers {

    private Identifiers() {}

    /** Whether {@code text} holds one of the identifiers, ignoring case; false for a null text. */
    public static boolean mentionedIn(String text, Collection<String> identifiers) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return identifiers.stream().anyMatch(identifier -> lower.contains(identifier.toLowerCase(Locale.ROOT)));
    }
}
