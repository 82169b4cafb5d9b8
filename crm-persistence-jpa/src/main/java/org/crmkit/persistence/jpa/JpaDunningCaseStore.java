package org.crmkit.persistence.jpa;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningHold;

/**
 * crm-workflow's {@link DunningCaseStore} in the database of a {@link JpaStorage} and inside its transactions: cases in
 * {@code crm_dunning_case} (see {@link DunningCaseMapping}), holds in {@code crm_dunning_hold} (schemas 6 and 12 under
 * {@code db/migration/crmkit/<database>/}). A second open case of a group fails on the unique open group key with a
 * {@code DuplicateRecordException}. Thread-safe; create one per {@code JpaStorage} and give it to
 * {@code Dunning.builder(runtime).cases(...)}.
 */
public final class JpaDunningCaseStore implements DunningCaseStore {

    private static final String OPEN = CaseStatus.OPEN.name();
    /** A dunning chunk asks for the holds of its 200 accounts and their open invoices: a few statements, not dozens. */
    private static final IdParameters HOLD_IDS = new IdParameters(128);
    /** The holds among up to 128 subject ids, of any record type (so the key's index serves it). */
    private static final String HOLDS = "select h from DunningHoldRow h where h.tenantId = :tenant"
            + " and h.subjectType in ("
            + Arrays.stream(RecordType.values())
                    .map(type -> "'" + type.name() + "'")
                    .collect(Collectors.joining(", ")) + ")"
            + " and h.subjectId in (" + HOLD_IDS.placeholders() + ")";

    private static final IdParameters CASE_IDS = new IdParameters(100);
    /** Up to 100 cases by id. */
    private static final String CASES =
            "select r from DunningCaseRow r where r.tenantId = :tenant and r.id in (" + CASE_IDS.placeholders() + ")";

    private static final IdParameters ACCOUNT_IDS = new IdParameters(100);
    /** The open cases of up to 100 accounts. */
    private static final String OPEN_OF_ACCOUNTS =
            "r.status = '" + OPEN + "' and r.accountId in (" + ACCOUNT_IDS.placeholders() + ")";

    private final JpaTransactions transactions;
    private final AggregateTable<DunningCaseState, DunningCaseRow> cases;

    private JpaDunningCaseStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.cases = new AggregateTable<>(transactions, storage.json(), storage.ids(), new DunningCaseMapping());
    }

    /** The dunning case store in the database of {@code storage}, joining its transactions. */
    public static JpaDunningCaseStore create(JpaStorage storage) {
        return new JpaDunningCaseStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Optional<DunningCase> findById(TenantId tenant, DunningCaseId id) {
        return cases.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(DunningCase::restore);
    }

    @Override
    public Optional<DunningCase> findOpenByGroup(TenantId tenant, DunningGroup group) {
        Require.notNull(tenant, "tenant");
        Require.notNull(group, "group");
        return cases
                .first(
                        tenant,
                        RowQuery.where("r.openGroupKey = :group")
                                .bind("group", group.key())
                                .orderBy("r.id"),
                        1)
                .stream()
                .findFirst()
                .map(DunningCase::restore);
    }

    @Override
    public List<DunningCase> findByAccount(TenantId tenant, AccountId account) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        return cases
                .list(
                        tenant,
                        RowQuery.where("r.accountId = :account")
                                .bind("account", account.value())
                                .orderBy(DunningCaseMapping.OLDEST_FIRST))
                .stream()
                .map(DunningCase::restore)
                .toList();
    }

    /**
     * One statement per 100 accounts (see {@link IdParameters}); the rows stay in the transaction's persistence
     * context, so that saving the cases in the same transaction does not read them again.
     */
    @Override
    public List<DunningCase> findOpenByAccounts(TenantId tenant, Collection<AccountId> accounts) {
        Require.notNull(tenant, "tenant");
        List<UUID> ids = Require.noNulls(accounts, "accounts").stream()
                .map(AccountId::value)
                .toList();
        return cases.listAmong(tenant, ACCOUNT_IDS, OPEN_OF_ACCOUNTS, ids, "r.id").stream()
                .map(DunningCase::restore)
                .toList();
    }

    @Override
    public List<DunningCase> findOpen(TenantId tenant, DunningCaseId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        RowQuery open = RowQuery.where("r.status = :open").bind("open", OPEN);
        if (after != null) {
            open = open.and("r.id > :after").bind("after", after.value());
        }
        return cases.first(tenant, open.orderBy("r.id"), limit).stream()
                .map(DunningCase::restore)
                .toList();
    }

    @Override
    public DunningCase save(DunningCase dunningCase) {
        Require.notNull(dunningCase, "dunningCase");
        requireTransaction();
        return DunningCase.restore(cases.save(dunningCase.state()));
    }

    @Override
    public void putHold(DunningHold hold) {
        Require.notNull(hold, "hold");
        requireTransaction();
        transactions.withEntityManager(entityManager -> {
            DunningHoldRow row = entityManager.find(DunningHoldRow.class, key(hold.tenant(), hold.subject()));
            boolean isNew = row == null;
            if (isNew) {
                row = new DunningHoldRow();
                row.tenantId = hold.tenant().value();
                row.subjectType = hold.subject().type().name();
                row.subjectId = hold.subject().id();
            }
            row.reason = hold.reason();
            row.since = hold.since();
            if (isNew) {
                entityManager.persist(row);
            }
            entityManager.flush();
            return row;
        });
    }

    @Override
    public boolean removeHold(TenantId tenant, RecordRef subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            DunningHoldRow row = entityManager.find(DunningHoldRow.class, key(tenant, subject));
            if (row == null) {
                return false;
            }
            entityManager.remove(row);
            entityManager.flush();
            return true;
        });
    }

    @Override
    public Optional<DunningHold> findHold(TenantId tenant, RecordRef subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        return transactions.read(
                entityManager -> Optional.ofNullable(entityManager.find(DunningHoldRow.class, key(tenant, subject)))
                        .map(JpaDunningCaseStore::hold));
    }

    /** One statement per 128 subjects (see {@link IdParameters}). */
    @Override
    public List<DunningHold> findHolds(TenantId tenant, Collection<RecordRef> subjects) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subjects, "subjects");
        Set<RecordRef> wanted = new HashSet<>(subjects);
        List<UUID> ids = wanted.stream().map(RecordRef::id).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> HOLD_IDS
                .readAll(
                        ids,
                        () -> entityManager
                                .createQuery(HOLDS, DunningHoldRow.class)
                                .setParameter("tenant", tenant.value()))
                .stream()
                .map(JpaDunningCaseStore::hold)
                .filter(hold -> wanted.contains(hold.subject()))
                .toList());
    }

    /**
     * One statement per 100 ids (see {@link IdParameters}); the rows stay in the transaction's persistence context,
     * so that saving the cases in the same transaction does not read them again.
     */
    @Override
    public List<DunningCase> findByIds(TenantId tenant, Collection<DunningCaseId> ids) {
        Require.notNull(tenant, "tenant");
        List<UUID> wanted =
                Require.noNulls(ids, "ids").stream().map(DunningCaseId::value).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> CASE_IDS
                .readAll(
                        wanted,
                        () -> entityManager
                                .createQuery(CASES, DunningCaseRow.class)
                                .setParameter("tenant", tenant.value()))
                .stream()
                .map(cases::state)
                .map(DunningCase::restore)
                .toList());
    }

    /** One flush for all, so that the updates go to the database in JDBC batches. */
    @Override
    public List<DunningCase> saveAll(List<DunningCase> dunningCases) {
        List<DunningCaseState> states = Require.noNulls(dunningCases, "dunningCases").stream()
                .map(DunningCase::state)
                .toList();
        requireTransaction();
        return cases.saveAll(states).stream().map(DunningCase::restore).toList();
    }

    private static DunningHold hold(DunningHoldRow row) {
        return new DunningHold(
                TenantId.of(row.tenantId),
                new RecordRef(RecordType.valueOf(row.subjectType), row.subjectId),
                row.reason,
                row.since);
    }

    private static DunningHoldRow.Key key(TenantId tenant, RecordRef subject) {
        return new DunningHoldRow.Key(tenant.value(), subject.type().name(), subject.id());
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to dunning cases");
        }
    }
}
