package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.LeadRepositoryContract;
import org.crmkit.testkit.SettableClock;

class InMemoryLeadRepositoryTest extends LeadRepositoryContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
