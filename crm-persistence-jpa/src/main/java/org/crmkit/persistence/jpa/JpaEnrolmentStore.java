package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.sequence.Enrolment;
import org.crmkit.workflow.sequence.EnrolmentId;
import org.crmkit.workflow.sequence.EnrolmentStatus;
import org.crmkit.workflow.sequence.EnrolmentStore;

/**
 * crm-workflow's follow-up sequence enrolments in {@code crm_sequence_enrolment}, in the same database and
 * transactions as a {@link JpaStorage}: the enrolment as a JSON document, with its sequence, contact, status, next
 * step time and enrolment time as query columns. A contact's running enrolment in a sequence is unique per tenant
 * ({@code running_key}), so two transactions enrolling the same contact at once store one enrolment: the second
 * one sees it, or fails on commit with a {@code DuplicateRecordException}. Thread-safe.
 */
public final class JpaEnrolmentStore implements EnrolmentStore {

    private final JpaTransactions transactions;
    private final StateJson json;

    private JpaEnrolmentStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.json = storage.json();
    }

    /** The enrolment store in the database of {@code storage}, joining its transactions. */
    public static JpaEnrolmentStore create(JpaStorage storage) {
        return new JpaEnrolmentStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Optional<Enrolment> add(Enrolment enrolment) {
        Require.notNull(enrolment, "enrolment");
        Require.that(
                enrolment.version() == 0,
                "enrolment.version",
                "must be 0 for a new enrolment, was " + enrolment.version());
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            String running = runningKey(enrolment.sequence(), enrolment.contact());
            boolean taken = !rows(entityManager, enrolment.tenant(), "r.runningKey = :running", "r.id")
                    .setParameter("running", running)
                    .setMaxResults(1)
                    .getResultList()
                    .isEmpty();
            if (taken) {
                return Optional.empty();
            }
            Enrolment stored = enrolment.withVersion(1);
            EnrolmentRow row = new EnrolmentRow();
            row.tenantId = stored.tenant().value();
            row.id = stored.id().value();
            row.version = 1;
            fill(row, stored);
            entityManager.persist(row);
            flush(entityManager, enrolment);
            return Optional.of(stored);
        });
    }

    @Override
    public Enrolment update(Enrolment enrolment) {
        Require.notNull(enrolment, "enrolment");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            EnrolmentRow row = entityManager.find(
                    EnrolmentRow.class,
                    new RowKey(enrolment.tenant().value(), enrolment.id().value()));
            if (row == null) {
                throw new RecordNotFoundException("Enrolment", enrolment.id());
            }
            if (row.version != enrolment.version()) {
                throw new StaleVersionException("Enrolment", enrolment.id(), enrolment.version(), row.version);
            }
            // the document holds the version, so every update changes the row and JPA raises the version with it
            Enrolment stored = enrolment.withVersion(enrolment.version() + 1);
            fill(row, stored);
            flush(entityManager, enrolment);
            return stored;
        });
    }

    @Override
    public Optional<Enrolment> findById(TenantId tenant, EnrolmentId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(EnrolmentRow.class, new RowKey(tenant.value(), id.value())))
                .map(this::enrolment));
    }

    @Override
    public List<Enrolment> findRunning(TenantId tenant, ContactId contact) {
        Require.notNull(tenant, "tenant");
        Require.notNull(contact, "contact");
        return list(
                tenant,
                "r.contactId = :contact and r.runningKey is not null",
                "r.enrolledAt, r.id",
                query -> query.setParameter("contact", contact.value()));
    }

    @Override
    public List<Enrolment> findDue(TenantId tenant, Instant asOf, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(asOf, "asOf");
        Require.positive(limit, "limit");
        return list(
                tenant,
                "r.status = :active and r.nextStepAt <= :asOf",
                "r.nextStepAt, r.id",
                query -> query.setParameter("active", EnrolmentStatus.ACTIVE.name())
                        .setParameter("asOf", asOf)
                        .setMaxResults(limit));
    }

    @Override
    public List<Enrolment> findWaitingForTask(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return list(
                tenant,
                "r.status = :waiting",
                "r.id",
                query -> query.setParameter("waiting", EnrolmentStatus.WAITING_FOR_TASK.name()));
    }

    private List<Enrolment> list(
            TenantId tenant, String condition, String order, UnaryOperator<TypedQuery<EnrolmentRow>> parameters) {
        return transactions.read(entityManager ->
                parameters.apply(rows(entityManager, tenant, condition, order)).getResultList().stream()
                        .map(this::enrolment)
                        .toList());
    }

    private static TypedQuery<EnrolmentRow> rows(
            EntityManager entityManager, TenantId tenant, String condition, String order) {
        return entityManager
                .createQuery(
                        "select r from EnrolmentRow r where r.tenantId = :tenant and " + condition + " order by "
                                + order,
                        EnrolmentRow.class)
                .setParameter("tenant", tenant.value());
    }

    private void fill(EnrolmentRow row, Enrolment enrolment) {
        row.sequence = enrolment.sequence();
        row.contactId = enrolment.contact().value();
        row.status = enrolment.status().name();
        row.nextStepAt = enrolment.nextStepAt();
        row.enrolledAt = enrolment.enrolledAt();
        row.runningKey = enrolment.status().isRunning() ? runningKey(enrolment.sequence(), enrolment.contact()) : null;
        row.document = json.write(enrolment);
    }

    private Enrolment enrolment(EnrolmentRow row) {
        return json.read(row.document, Enrolment.class, "Enrolment " + row.id).withVersion(row.version);
    }

    private static String runningKey(String sequence, ContactId contact) {
        return sequence + "|" + contact.value();
    }

    private static void flush(EntityManager entityManager, Enrolment enrolment) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, "Enrolment", enrolment.id(), enrolment.version());
        }
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to the enrolment store");
        }
    }
}
