package org.crmkit.core.common;

/** Which page of a result to return: zero-based page number and page size (1..1000). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 1000;

    public PageRequest {
        Require.notNegative(page, "page");
        Require.positive(size, "size");
        Require.that(size <= MAX_SIZE, "size", "must be at most " + MAX_SIZE + ", was " + size);
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public long offset() {
        return (long) page * size;
    }

    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }
}
