package org.crmkit.examples;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.examples.trial.InMemoryTrialStore;
import org.crmkit.testkit.SettableClock;

class InMemoryTrialStoreTest extends TrialStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected void createStore(Storage storage) {
        store = InMemoryTrialStore.create((InMemoryStorage) storage);
    }
}
