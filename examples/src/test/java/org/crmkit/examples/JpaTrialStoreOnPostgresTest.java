package org.crmkit.examples;

import org.crmkit.core.spi.Storage;
import org.crmkit.examples.trial.JpaTrialStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.testkit.SettableClock;

class JpaTrialStoreOnPostgresTest extends TrialStoreContract {

    private DemoDatabase database;

    @Override
    protected Storage createStorage(SettableClock clock) {
        database = ExampleDatabases.postgres();
        return JpaStorage.builder(database.entityManagerFactory()).clock(clock).build();
    }

    @Override
    protected void createStore(Storage storage) {
        store = JpaTrialStore.create((JpaStorage) storage);
    }

    @Override
    protected void closeStorage() {
        database.close();
    }
}
