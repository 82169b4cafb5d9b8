package org.crmkit.workflow.webhook;

import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WebhookStoreContract;

class InMemoryWebhookStoreTest extends WebhookStoreContract {

    @Override
    protected Storage createStorage(SettableClock clock) {
        return InMemoryStorage.create(clock);
    }

    @Override
    protected WebhookStore createStore(Storage storage) {
        return InMemoryWebhookStore.create((InMemoryStorage) storage);
    }
}
