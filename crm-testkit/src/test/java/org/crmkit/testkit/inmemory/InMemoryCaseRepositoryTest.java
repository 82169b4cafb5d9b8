package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.CaseRepositoryContract;
import org.crmkit.testkit.SettableClock;

class InMemoryCaseRepositoryTest extends CaseRepositoryContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
