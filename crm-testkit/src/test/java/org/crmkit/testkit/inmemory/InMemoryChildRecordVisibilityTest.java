package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ChildRecordVisibilityContract;
import org.crmkit.testkit.SettableClock;

class InMemoryChildRecordVisibilityTest extends ChildRecordVisibilityContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
