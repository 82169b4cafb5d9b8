package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseAppendAfterSaveOnH2Test extends DunningCaseAppendAfterSave {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
