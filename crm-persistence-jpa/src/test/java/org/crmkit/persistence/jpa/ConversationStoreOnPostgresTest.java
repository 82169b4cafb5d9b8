package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.ConversationStoreContract;
import org.crmkit.workflow.service.ConversationStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConversationStoreOnPostgresTest extends ConversationStoreContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected ConversationStore createStore(Storage storage) {
        return JpaConversationStore.create((JpaStorage) storage);
    }
}
