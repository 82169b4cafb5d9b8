package org.crmkit.csv;

/** How an import stores rows. */
public enum ImportMode {
    /** Every row is checked and reported as it would be stored, in one transaction that is rolled back. */
    DRY_RUN,
    /** Each valid row is stored in its own transaction; invalid rows are reported and skipped. */
    STORE_GOOD_ROWS,
    /** All rows in one transaction: when any row fails (or the file cannot be read) nothing is stored. */
    ALL_OR_NOTHING
}
