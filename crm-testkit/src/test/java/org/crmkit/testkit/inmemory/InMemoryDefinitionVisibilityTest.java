package org.crmkit.testkit.inmemory;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.DefinitionVisibilityContract;
import org.crmkit.testkit.SettableClock;

class InMemoryDefinitionVisibilityTest extends DefinitionVisibilityContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }
}
