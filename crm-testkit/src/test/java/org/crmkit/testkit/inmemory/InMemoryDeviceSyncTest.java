package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.DeviceSyncContract;
import org.crmkit.testkit.SettableClock;

class InMemoryDeviceSyncTest extends DeviceSyncContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
