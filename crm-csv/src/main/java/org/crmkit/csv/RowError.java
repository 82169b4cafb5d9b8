package org.crmkit.csv;

/**
 * Why a row (or the file) cannot be imported: the row (the header is row 1, the first record row 2), the column's
 * header (null when the problem is not one column's, such as bad encoding or a row with too many values) and the
 * reason.
 */
public record RowError(long row, String column, String reason) {

    @Override
    public String toString() {
        return "row " + row + (column == null ? "" : ", column '" + column + "'") + ": " + reason;
    }
}
