package org.crmkit.workflow.sequence;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.EnrolmentStoreContract;

class InMemoryEnrolmentStoreTest extends EnrolmentStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected EnrolmentStore createStore(Storage storage) {
        return InMemoryEnrolmentStore.create((InMemoryStorage) storage);
    }
}
