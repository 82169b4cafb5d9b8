package org.crmkit.workflow.inmemory;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.ObjectGraphSearch;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.WorkflowErasureContract;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.InMemoryDunningCaseStore;

class InMemoryWorkflowErasureTest extends WorkflowErasureContract {

    private final List<Object> stores = new ArrayList<>();

    @Override
    protected Storage createStorage(SettableClock clock) {
        InMemoryStorage storage = InMemoryStorage.create(clock);
        stores.add(storage);
        return storage;
    }

    @Override
    protected WorkflowStore createStore(Storage storage) {
        WorkflowStore store = InMemoryWorkflowStore.create((InMemoryStorage) storage);
        stores.add(store);
        return store;
    }

    @Override
    protected DunningCaseStore createCases(Storage storage) {
        DunningCaseStore cases = InMemoryDunningCaseStore.create((InMemoryStorage) storage);
        stores.add(cases);
        return cases;
    }

    @Override
    protected List<String> placesHolding(String text) {
        return ObjectGraphSearch.pathsHolding(stores, text);
    }
}
