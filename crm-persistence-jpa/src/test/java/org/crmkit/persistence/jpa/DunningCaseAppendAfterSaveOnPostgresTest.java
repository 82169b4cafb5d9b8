package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class DunningCaseAppendAfterSaveOnPostgresTest extends DunningCaseAppendAfterSave {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return database;
    }
}
