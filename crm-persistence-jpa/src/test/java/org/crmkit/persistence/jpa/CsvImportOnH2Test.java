package org.crmkit.persistence.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class CsvImportOnH2Test extends CsvImportOnDatabases {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return database;
    }
}
