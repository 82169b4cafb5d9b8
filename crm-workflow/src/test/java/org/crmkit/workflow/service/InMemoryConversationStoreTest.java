package org.crmkit.workflow.service;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.ConversationStoreContract;

class InMemoryConversationStoreTest extends ConversationStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected ConversationStore createStore(Storage storage) {
        return InMemoryConversationStore.create((InMemoryStorage) storage);
    }
}
