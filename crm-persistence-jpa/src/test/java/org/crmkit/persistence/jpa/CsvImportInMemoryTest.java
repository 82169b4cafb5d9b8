package org.crmkit.persistence.jpa;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;

/** The CSV import's scenarios on the in-memory storage, the reference the databases are compared with. */
class CsvImportInMemoryTest extends CsvImportOnDatabases {

    @Override
    Storage storage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
