package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.DunningWorkListContract;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class DunningWorkListOnPostgresTest extends DunningWorkListContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected DunningCaseStore createCases(Storage storage) {
        return JpaDunningCaseStore.create((JpaStorage) storage);
    }
}
