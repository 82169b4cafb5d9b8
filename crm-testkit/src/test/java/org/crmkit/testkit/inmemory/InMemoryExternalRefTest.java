package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ExternalRefContract;
import org.crmkit.testkit.SettableClock;

class InMemoryExternalRefTest extends ExternalRefContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
