package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SalesFigureVisibilityContract;
import org.crmkit.testkit.SettableClock;

class InMemorySalesFigureVisibilityTest extends SalesFigureVisibilityContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
