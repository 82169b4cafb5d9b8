package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvImportOnH2Test extends CsvImportOnDatabases {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    Storage storage(SettableClock clock) {
        return database.storagePort(clock);
    }
}
