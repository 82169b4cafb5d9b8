package org.crmkit.persistence.jpa;

import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WebhookStoreContract;
import org.crmkit.workflow.webhook.WebhookStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookStoreOnPostgresTest extends WebhookStoreContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    protected Storage createStorage(SettableClock clock) {
        return database.storagePort(clock);
    }

    @Override
    protected WebhookStore createStore(Storage storage) {
        return JpaWebhookStore.create((JpaStorage) storage);
    }
}
