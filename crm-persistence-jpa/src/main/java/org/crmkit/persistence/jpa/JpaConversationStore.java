package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.service.CaseConversation;
import org.crmkit.workflow.service.ConversationStore;

/**
 * crm-workflow's case conversations in {@code crm_case_conversation} (schema 20), in the same database and
 * transactions as a {@link JpaStorage}: the conversation as a JSON document, with its reference (unique per
 * tenant), opening time and next service-level check as query columns. Thread-safe.
 */
public final class JpaConversationStore implements ConversationStore {

    private final JpaTransactions transactions;
    private final StateJson json;

    private JpaConversationStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.json = storage.json();
    }

    /** The conversation store in the database of {@code storage}, joining its transactions. */
    public static JpaConversationStore create(JpaStorage storage) {
        return new JpaConversationStore(Require.notNull(storage, "storage"));
    }

    @Override
    public CaseConversation add(CaseConversation conversation) {
        Require.notNull(conversation, "conversation");
        Require.that(conversation.version() == 0, "conversation.version", "must be 0 for a new conversation");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            RowKey key = new RowKey(
                    conversation.tenant().value(), conversation.caseId().value());
            if (entityManager.find(ConversationRow.class, key) != null) {
                throw new DuplicateRecordException(
                        "CaseConversation", conversation.caseId().toString());
            }
            if (!rows(entityManager, conversation.tenant(), "r.reference = :reference", "r.id")
                    .setParameter("reference", conversation.reference())
                    .setMaxResults(1)
                    .getResultList()
                    .isEmpty()) {
                throw new DuplicateRecordException("CaseConversation reference", conversation.reference());
            }
            CaseConversation stored = conversation.withVersion(1);
            ConversationRow row = new ConversationRow();
            row.tenantId = conversation.tenant().value();
            row.id = conversation.caseId().value();
            row.version = 1;
            fill(row, stored);
            entityManager.persist(row);
            flush(entityManager, conversation);
            return stored;
        });
    }

    @Override
    public CaseConversation update(CaseConversation conversation) {
        Require.notNull(conversation, "conversation");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            ConversationRow row = entityManager.find(
                    ConversationRow.class,
                    new RowKey(
                            conversation.tenant().value(), conversation.caseId().value()));
            if (row == null) {
                throw new RecordNotFoundException("CaseConversation", conversation.caseId());
            }
            if (row.version != conversation.version()) {
                throw new StaleVersionException(
                        "CaseConversation", conversation.caseId(), conversation.version(), row.version);
            }
            // the document holds the version, so every update changes the row and JPA raises the version with it
            CaseConversation stored = conversation.withVersion(conversation.version() + 1);
            fill(row, stored);
            flush(entityManager, conversation);
            return stored;
        });
    }

    @Override
    public Optional<CaseConversation> findByCase(TenantId tenant, CaseId caseId) {
        Require.notNull(tenant, "tenant");
        Require.notNull(caseId, "caseId");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(ConversationRow.class, new RowKey(tenant.value(), caseId.value())))
                .map(this::conversation));
    }

    @Override
    public Optional<CaseConversation> findByReference(TenantId tenant, String reference) {
        Require.notNull(tenant, "tenant");
        Require.notNull(reference, "reference");
        return list(tenant, "r.reference = :reference", "r.id", query -> query.setParameter("reference", reference))
                .stream()
                .findFirst();
    }

    @Override
    public List<CaseConversation> findDue(TenantId tenant, Instant asOf, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(asOf, "asOf");
        Require.positive(limit, "limit");
        return list(
                tenant,
                "r.nextCheckAt is not null and r.nextCheckAt <= :asOf",
                "r.nextCheckAt, r.id",
                query -> query.setParameter("asOf", asOf).setMaxResults(limit));
    }

    @Override
    public List<CaseConversation> findOpenedBetween(TenantId tenant, Instant from, Instant to) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        return list(
                tenant,
                "r.openedAt >= :from and r.openedAt < :to",
                "r.openedAt, r.id",
                query -> query.setParameter("from", from).setParameter("to", to));
    }

    private List<CaseConversation> list(
            TenantId tenant, String condition, String order, UnaryOperator<TypedQuery<ConversationRow>> parameters) {
        return transactions.read(entityManager ->
                parameters.apply(rows(entityManager, tenant, condition, order)).getResultList().stream()
                        .map(this::conversation)
                        .toList());
    }

    private static TypedQuery<ConversationRow> rows(
            EntityManager entityManager, TenantId tenant, String condition, String order) {
        return entityManager
                .createQuery(
                        "select r from ConversationRow r where r.tenantId = :tenant and " + condition + " order by "
                                + order,
                        ConversationRow.class)
                .setParameter("tenant", tenant.value());
    }

    private void fill(ConversationRow row, CaseConversation conversation) {
        row.reference = conversation.reference();
        row.openedAt = conversation.openedAt();
        row.nextCheckAt = conversation.nextCheckAt().orElse(null);
        row.document = json.write(conversation);
    }

    private CaseConversation conversation(ConversationRow row) {
        return json.read(row.document, CaseConversation.class, "CaseConversation " + row.id)
                .withVersion(row.version);
    }

    private static void flush(EntityManager entityManager, CaseConversation conversation) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, "CaseConversation", conversation.caseId(), conversation.version());
        }
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to case conversations");
        }
    }
}
