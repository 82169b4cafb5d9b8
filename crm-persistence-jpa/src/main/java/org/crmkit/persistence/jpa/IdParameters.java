package org.crmkit.persistence.jpa;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads by many ids with a fixed number of single-valued parameters ({@code :id0, :id1, ...}; a short last chunk
 * repeats its last id) rather than a list parameter, because Hibernate translates a query with a list parameter
 * from HQL to SQL afresh on every execution and one with single-valued parameters once. The reads do without
 * Hibernate's automatic flush ({@link JpaTransactions#withoutAutoFlush}).
 */
final class IdParameters {

    private final int perStatement;

    IdParameters(int perStatement) {
        this.perStatement = perStatement;
    }

    /** The parameter list to put between the parentheses of {@code in (...)}. */
    String placeholders() {
        return IntStream.range(0, perStatement).mapToObj(i -> ":id" + i).collect(Collectors.joining(", "));
    }

    /**
     * Runs {@code query} once per chunk of the distinct ids (uuids, or other keys such as texts), binding the chunk
     * to the parameters, and returns every result in chunk order. {@code query} creates the query and binds its
     * other parameters.
     */
    <T> List<T> readAll(List<?> ids, Supplier<TypedQuery<T>> query) {
        List<?> distinct = ids.stream().distinct().toList();
        List<T> results = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += perStatement) {
            TypedQuery<T> chunk = JpaTransactions.withoutAutoFlush(query.get());
            for (int i = 0; i < perStatement; i++) {
                chunk.setParameter("id" + i, distinct.get(Math.min(from + i, distinct.size() - 1)));
            }
            results.addAll(chunk.getResultList());
        }
        return results;
    }
}
