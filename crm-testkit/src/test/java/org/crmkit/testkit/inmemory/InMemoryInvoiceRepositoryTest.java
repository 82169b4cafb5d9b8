package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.InvoiceRepositoryContract;
import org.crmkit.testkit.SettableClock;

class InMemoryInvoiceRepositoryTest extends InvoiceRepositoryContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
