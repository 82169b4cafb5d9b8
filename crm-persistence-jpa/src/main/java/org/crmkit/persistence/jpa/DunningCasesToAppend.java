package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.TenantId;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The case rows a delivery appends history entries to ({@link JpaDunningCaseStore#appendToHistories}), read as the
 * columns the append needs (id, version, history count, document) in one statement per 100 ids, not as entities:
 * the append changes the rows with an update of its own, so entities would only cost Hibernate's hydration and their
 * eviction afterwards. A row the transaction already holds as an entity is taken from it, as a query for entities
 * would answer it (with the version the transaction knows).
 */
final class DunningCasesToAppend {

    private static final int PER_STATEMENT = 100;
    /** 100 ids a statement, a short last chunk repeating its last id, so that every read is the same statement. */
    private static final String READ = "select id, version, history_rows, document from crm_dunning_case"
            + " where tenant_id = ? and id in (" + String.join(", ", Collections.nCopies(PER_STATEMENT, "?")) + ")";

    private DunningCasesToAppend() {}

    /**
     * The tenant's case rows among the ids, in no particular order: those the transaction holds as entities
     * (managed), the others as rows no entity manager knows.
     */
    static List<DunningCaseRow> read(EntityManager entityManager, TenantId tenant, List<UUID> ids) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        EntityPersister persister =
                session.getFactory().getMappingMetamodel().getEntityDescriptor(DunningCaseRow.class);
        List<DunningCaseRow> found = new ArrayList<>();
        List<UUID> toRead = new ArrayList<>();
        for (UUID id : ids.stream().distinct().toList()) {
            Object held = session.getPersistenceContextInternal()
                    .getEntity(session.generateEntityKey(new RowKey(tenant.value(), id), persister));
            if (held != null) {
                found.add((DunningCaseRow) held);
            } else {
                toRead.add(id);
            }
        }
        if (!found.isEmpty()) {
            // as a query for entities would, so that the rows' changes the transaction holds are stored first
            entityManager.flush();
        }
        // prepared through Hibernate's JDBC coordinator, so that the reads count among the session's statements
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        for (int from = 0; from < toRead.size(); from += PER_STATEMENT) {
            List<UUID> chunk = toRead.subList(from, Math.min(toRead.size(), from + PER_STATEMENT));
            PreparedStatement read = jdbc.getStatementPreparer().prepareStatement(READ);
            try {
                read.setString(1, tenant.value());
                for (int i = 0; i < PER_STATEMENT; i++) {
                    read.setObject(i + 2, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        DunningCaseRow row = new DunningCaseRow();
                        row.tenantId = tenant.value();
                        row.id = rows.getObject(1, UUID.class);
                        row.version = rows.getLong(2);
                        row.historyRows = rows.getInt(3);
                        row.document = rows.getString(4);
                        found.add(row);
                    }
                }
            } catch (SQLException e) {
                throw Failures.translate(
                        session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read cases", READ));
            } finally {
                JpaTransactions.release(jdbc, read);
            }
        }
        return found;
    }
}
