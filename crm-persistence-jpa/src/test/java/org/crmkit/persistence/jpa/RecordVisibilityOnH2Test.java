package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.RecordVisibilityContract;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordVisibilityOnH2Test extends RecordVisibilityContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }
}
