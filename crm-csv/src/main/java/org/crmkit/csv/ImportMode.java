package org.crmkit.csv;

/** How an import stores rows. */
public enum ImportMode {
    /** Every row is checked and reported as it would be stored, in one transaction that is rolled back. */
    DRY_RUN,
    /**
     * Valid rows are stored in transactions of {@link CsvImport#batchSize} rows (500 unless set); invalid rows are
     * reported and skipped. A batch in which the database refuses a row (a constraint, a conflict with another
     * writer) is rolled back and stored again a row per transaction, so that only the refused row is lost.
     */
    STORE_GOOD_ROWS,
    /** All rows in one transaction: when any row fails (or the file cannot be read) nothing is stored. */
    ALL_OR_NOTHING
}
