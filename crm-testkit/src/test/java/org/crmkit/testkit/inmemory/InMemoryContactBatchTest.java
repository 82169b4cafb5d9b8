package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ContactBatchContract;
import org.crmkit.testkit.SettableClock;

class InMemoryContactBatchTest extends ContactBatchContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
