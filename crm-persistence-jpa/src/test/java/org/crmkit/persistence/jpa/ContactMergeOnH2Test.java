package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ContactMergeContract;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactMergeOnH2Test extends ContactMergeContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }
}
