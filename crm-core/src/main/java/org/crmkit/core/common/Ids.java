package org.crmkit.core.common;

import java.util.UUID;

final class Ids {

    private Ids() {}

    static UUID parseUuid(String text, String field) {
        Require.notBlank(text, field);
        try {
            UUID uuid = UUID.fromString(text.strip());
            if (!uuid.toString().equalsIgnoreCase(text.strip())) {
                throw InvalidValueException.invalid(field, "is not a canonical UUID: '" + text + "'");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid(field, "is not a UUID: '" + text + "'");
        }
    }
}
