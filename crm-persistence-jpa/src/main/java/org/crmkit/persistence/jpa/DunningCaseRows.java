package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseItem;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * The rows a dunning case has besides its own (schema 27): its audit history in {@code crm_dunning_case_event}, one
 * row per entry, and the items of an open case in {@code crm_dunning_case_item} with the version of the invoice the
 * case last looked at (which {@link DunningCaseQueries} compares with the invoices). Written in JDBC batches on the
 * transaction's connection after the case rows were flushed (so that a conflicting save has failed before): a save
 * appends only the history entries the transaction added to what it read, and rewrites the item rows only when the
 * items or their versions changed. A case saved in a transaction that did not read it gets both rewritten whole.
 */
final class DunningCaseRows {

    private static final int PER_STATEMENT = 100;
    private static final String INSERT_ENTRY_POSTGRESQL = "insert into crm_dunning_case_event"
            + " (tenant_id, case_id, entry_no, entry) values (?, ?, ?, cast(? as jsonb))";
    private static final String INSERT_ENTRY_H2 =
            "insert into crm_dunning_case_event (tenant_id, case_id, entry_no, entry) values (?, ?, ?, ? format json)";
    private static final String COUNT_ENTRIES = "update crm_dunning_case set history_rows = history_rows + ?,"
            + " version = version + 1 where tenant_id = ? and id = ? and version = ?";
    private static final String DELETE_ENTRIES =
            "delete from crm_dunning_case_event where tenant_id = ? and case_id = ?";
    private static final String INSERT_ITEM = "insert into crm_dunning_case_item"
            + " (tenant_id, case_id, invoice_id, invoice_version) values (?, ?, ?, ?)";
    private static final String DELETE_ITEMS = "delete from crm_dunning_case_item where tenant_id = ? and case_id = ?";

    private final StateJson json;

    DunningCaseRows(StateJson json) {
        this.json = json;
    }

    /**
     * The states with their whole history: the entries of their documents (stored before schema 27) followed by
     * their rows, read in one statement per 100 cases. Inside a transaction the managed case rows remember what was
     * read, for {@link #write}.
     */
    List<DunningCaseState> withHistory(
            EntityManager entityManager, TenantId tenant, List<DunningCaseState> states, boolean inTransaction) {
        if (states.isEmpty()) {
            return states;
        }
        Map<UUID, List<CaseEvent>> rows = entriesOf(entityManager, tenant, states);
        List<DunningCaseState> whole = new ArrayList<>(states.size());
        for (DunningCaseState state : states) {
            List<CaseEvent> stored = rows.getOrDefault(state.id().value(), List.of());
            DunningCaseState restored = stored.isEmpty() ? state : state.withHistory(concat(state.history(), stored));
            if (inTransaction) {
                DunningCaseRow row = entityManager.find(DunningCaseRow.class, key(state));
                if (row != null) {
                    row.knownHistory = restored.history();
                    row.knownItems = itemRows(restored);
                }
            }
            whole.add(restored);
        }
        return whole;
    }

    /**
     * The item and history rows of the saved states, whose case rows are flushed; {@code before} holds, by case id,
     * how many history rows each had and what the transaction knew of it before the save (null: nothing).
     */
    void write(EntityManager entityManager, List<DunningCaseState> saved, Map<UUID, Known> before) {
        List<DunningCaseState> rewriteItems = new ArrayList<>();
        List<DunningCaseState> insertItems = new ArrayList<>();
        List<DunningCaseState> rewriteHistory = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (DunningCaseState state : saved) {
            Known known = before.get(state.id().value());
            boolean isNew = state.version() == 1;
            Map<UUID, Long> items = itemRows(state);
            if (isNew) {
                insertItems.add(state);
            } else if (known.items() == null || !known.items().equals(items)) {
                rewriteItems.add(state);
                insertItems.add(state);
            }
            List<CaseEvent> history = state.history();
            boolean appends = isNew
                    || (known.history() != null
                            && history.size() >= known.history().size()
                            && history.subList(0, known.history().size()).equals(known.history()));
            int from = appends ? known.rows() : 0;
            if (!appends) {
                rewriteHistory.add(state);
            }
            for (int i = from; i < history.size(); i++) {
                entries.add(new Entry(state.tenant().value(), state.id().value(), i, json.write(history.get(i))));
            }
            DunningCaseRow row = entityManager.find(DunningCaseRow.class, key(state));
            row.knownHistory = history;
            row.knownItems = items;
        }
        String insertEntry = JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect
                ? INSERT_ENTRY_POSTGRESQL
                : INSERT_ENTRY_H2;
        try {
            entityManager.unwrap(Session.class).doWork(connection -> {
                deleteOf(connection, DELETE_ITEMS, rewriteItems);
                deleteOf(connection, DELETE_ENTRIES, rewriteHistory);
                insertItems(connection, insertItems);
                insertEntries(connection, insertEntry, entries);
            });
        } catch (RuntimeException e) {
            throw Failures.translate(
                    e, "DunningCase", saved.get(0).id(), saved.get(0).version());
        }
    }

    /**
     * Adds the entries after the stored history of their cases without reading it, in two JDBC batches: each case
     * row counts its new entries and goes to its next version (refused when another transaction saved the case since
     * it was read), then the entries go in as rows. Case rows the unit of work held leave it, as it no longer knows
     * them as stored; a later read in the transaction reads them again.
     */
    void append(EntityManager entityManager, List<Appended> appended, JpaTransactions transactions) {
        if (appended.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        for (Appended each : appended) {
            DunningCaseRow row = each.row();
            for (int i = 0; i < each.entries().size(); i++) {
                entries.add(new Entry(
                        row.tenantId,
                        row.id,
                        each.storedRows() + i,
                        json.write(each.entries().get(i))));
            }
        }
        String insertEntry = JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect
                ? INSERT_ENTRY_POSTGRESQL
                : INSERT_ENTRY_H2;
        int[] counted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            int[] updated = countEntries(connection, appended);
            if (Arrays.stream(updated).allMatch(count -> count == 1)) {
                insertEntries(connection, insertEntry, entries);
            }
            return updated;
        });
        for (int i = 0; i < appended.size(); i++) {
            if (counted[i] != 1) {
                throw refused(appended.get(i).state(), transactions);
            }
            if (entityManager.contains(appended.get(i).row())) {
                entityManager.detach(appended.get(i).row());
            }
        }
    }

    private static int[] countEntries(Connection connection, List<Appended> appended) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COUNT_ENTRIES)) {
            for (Appended each : appended) {
                update.setInt(1, each.entries().size());
                update.setString(2, each.state().tenant().value());
                update.setObject(3, each.state().id().value());
                update.setLong(4, each.state().version());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    /** The conflict of a case saved or deleted by another transaction since this one read it. */
    private static RuntimeException refused(DunningCaseState state, JpaTransactions transactions) {
        OptionalLong stored = transactions.committedVersion(
                DunningCaseRow.class,
                new RowKey(state.tenant().value(), state.id().value()));
        return stored.isPresent()
                ? new StaleVersionException("DunningCase", state.id(), state.version(), stored.getAsLong())
                : new RecordNotFoundException("DunningCase", state.id());
    }

    /** What a transaction knew of a case before saving it: its history rows, and its history and items as read. */
    record Known(int rows, List<CaseEvent> history, Map<UUID, Long> items) {

        @SuppressWarnings("unchecked") // knownHistory holds the CaseEvents this class put there
        static Known of(DunningCaseRow row) {
            return row == null
                    ? new Known(0, List.of(), Map.of())
                    : new Known(row.historyRows, (List<CaseEvent>) row.knownHistory, row.knownItems);
        }
    }

    private record Entry(String tenantId, UUID caseId, int number, String text) {}

    /**
     * Entries to add at the end of the history of a case whose row this transaction read, with the case as read and
     * the number of history rows it had then.
     */
    record Appended(DunningCaseRow row, DunningCaseState state, int storedRows, List<CaseEvent> entries) {}

    /** The item rows an open case has: its items' invoices with the versions it saw; none for a closed case. */
    private static Map<UUID, Long> itemRows(DunningCaseState state) {
        Map<UUID, Long> rows = new HashMap<>();
        if (state.status() == CaseStatus.OPEN) {
            for (CaseItem item : state.items()) {
                rows.put(item.invoice().value(), item.invoiceVersion());
            }
        }
        return rows;
    }

    private Map<UUID, List<CaseEvent>> entriesOf(
            EntityManager entityManager, TenantId tenant, List<DunningCaseState> states) {
        List<UUID> ids =
                states.stream().map(state -> state.id().value()).distinct().toList();
        Map<UUID, List<CaseEvent>> entries = new LinkedHashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < ids.size(); from += PER_STATEMENT) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + PER_STATEMENT));
                String sql = "select case_id, entry from crm_dunning_case_event where tenant_id = ? and case_id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") order by case_id, entry_no";
                try (PreparedStatement read = connection.prepareStatement(sql)) {
                    read.setString(1, tenant.value());
                    for (int i = 0; i < chunk.size(); i++) {
                        read.setObject(i + 2, chunk.get(i));
                    }
                    try (ResultSet found = read.executeQuery()) {
                        while (found.next()) {
                            UUID caseId = found.getObject(1, UUID.class);
                            entries.computeIfAbsent(caseId, id -> new ArrayList<>())
                                    .add(json.read(
                                            found.getString(2),
                                            CaseEvent.class,
                                            "history entry of DunningCase " + caseId));
                        }
                    }
                }
            }
        });
        return entries;
    }

    private static void deleteOf(Connection connection, String sql, List<DunningCaseState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (DunningCaseState state : states) {
                delete.setString(1, state.tenant().value());
                delete.setObject(2, state.id().value());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static void insertItems(Connection connection, List<DunningCaseState> states) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEM)) {
            boolean any = false;
            for (DunningCaseState state : states) {
                for (Map.Entry<UUID, Long> item : itemRows(state).entrySet()) {
                    insert.setString(1, state.tenant().value());
                    insert.setObject(2, state.id().value());
                    insert.setObject(3, item.getKey());
                    if (item.getValue() == null) {
                        insert.setNull(4, Types.BIGINT);
                    } else {
                        insert.setLong(4, item.getValue());
                    }
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private static void insertEntries(Connection connection, String sql, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Entry entry : entries) {
                insert.setString(1, entry.tenantId());
                insert.setObject(2, entry.caseId());
                insert.setInt(3, entry.number());
                insert.setString(4, entry.text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<CaseEvent> concat(List<CaseEvent> first, List<CaseEvent> then) {
        List<CaseEvent> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }

    private static RowKey key(DunningCaseState state) {
        return new RowKey(state.tenant().value(), state.id().value());
    }
}
