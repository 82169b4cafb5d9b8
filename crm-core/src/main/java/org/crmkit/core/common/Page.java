package org.crmkit.core.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a result, in the query's documented order. {@code hasNext} says whether another page follows;
 * {@code totalElements} is the total number of matches.
 */
public record Page<T>(List<T> items, PageRequest request, long totalElements) {

    public Page {
        items = Require.noNulls(items, "items");
        Require.notNull(request, "request");
        Require.notNegative(totalElements, "totalElements");
    }

    /** Cuts the page that {@code request} asks for out of a complete, already ordered list. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = (int) Math.min(request.offset() + request.size(), all.size());
        return new Page<>(all.subList(from, to), request, all.size());
    }

    public boolean hasNext() {
        return request.offset() + items.size() < totalElements;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, totalElements);
    }
}
