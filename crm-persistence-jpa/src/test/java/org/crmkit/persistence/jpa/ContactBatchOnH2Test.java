package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ContactBatchContract;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactBatchOnH2Test extends ContactBatchContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }
}
