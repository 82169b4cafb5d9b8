package org.crmkit.testkit.inmemory;

import java.util.List;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.MergedPersonErasureContract;
import org.crmkit.testkit.ObjectGraphSearch;
import org.crmkit.testkit.SettableClock;

class InMemoryMergedPersonErasureTest extends MergedPersonErasureContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected List<String> placesHolding(String text) {
        return ObjectGraphSearch.pathsHolding(storage, text);
    }
}
