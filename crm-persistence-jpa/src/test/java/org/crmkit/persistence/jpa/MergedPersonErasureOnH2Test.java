package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.MergedPersonErasureContract;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class MergedPersonErasureOnH2Test extends MergedPersonErasureContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected List<String> placesHolding(String text) {
        return database.placesHolding(text);
    }
}
