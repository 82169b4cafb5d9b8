package org.crmkit.core.common;

import java.util.UUID;

/** A typed id: a UUID that says which kind of record it names, so ids of different records cannot be mixed up. */
public interface EntityId {

    UUID value();
}
