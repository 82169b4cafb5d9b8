package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ChangeFeedContract;
import org.crmkit.testkit.SettableClock;

class InMemoryChangeFeedTest extends ChangeFeedContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
