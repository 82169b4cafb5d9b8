package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.EnrolmentStoreContract;
import org.crmkit.workflow.sequence.EnrolmentStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnrolmentStoreOnH2Test extends EnrolmentStoreContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected EnrolmentStore createStore(Storage storage) {
        return JpaEnrolmentStore.create((JpaStorage) storage);
    }
}
