package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.DeviceSyncUpContract;
import org.crmkit.testkit.SettableClock;

class InMemoryDeviceSyncUpTest extends DeviceSyncUpContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
