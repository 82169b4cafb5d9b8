package org.crmkit.spring.boot;

import org.crmkit.core.spi.Storage;

/** How the storage that {@code Crm} is built on is observed: timed by Micrometer when the application has it. */
@FunctionalInterface
interface StorageObservation {

    StorageObservation NONE = storage -> storage;

    Storage observe(Storage storage);
}
