package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningGroup;
import org.crmkit.workflow.dunning.DunningHold;

/**
 * crm-workflow's {@link DunningCaseStore} in the database of a {@link JpaStorage} and inside its transactions: cases in
 * {@code crm_dunning_case} (see {@link DunningCaseMapping}) with their history and item rows (see
 * {@link DunningCaseRows}), holds in {@code crm_dunning_hold} (schemas 6, 12 and 27 under
 * {@code db/migration/crmkit/<database>/}). A second open case of a group fails on the unique open group key with a
 * {@code DuplicateRecordException}. Thread-safe; create one per {@code JpaStorage} and give it to
 * {@code Dunning.builder(runtime).cases(...)}.
 */
public final class JpaDunningCaseStore implements DunningCaseStore {

    private static final String OPEN = CaseStatus.OPEN.name();
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
    private final DunningCaseRows rows;

    private JpaDunningCaseStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.cases = new AggregateTable<>(transactions, storage.json(), storage.ids(), new DunningCaseMapping());
        this.rows = new DunningCaseRows(storage.json());
    }

    /** The dunning case store in the database of {@code storage}, joining its transactions. */
    public static JpaDunningCaseStore create(JpaStorage storage) {
        return new JpaDunningCaseStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Optional<DunningCase> findById(TenantId tenant, DunningCaseId id) {
        Require.notNull(tenant, "tenant");
        return restored(
                        tenant,
                        cases.find(tenant, Require.notNull(id, "id")).stream().toList())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<DunningCase> findOpenByGroup(TenantId tenant, DunningGroup group) {
        Require.notNull(tenant, "tenant");
        Require.notNull(group, "group");
        return restored(
                        tenant,
                        cases.first(
                                tenant,
                                RowQuery.where("r.openGroupKey = :group")
                                        .bind("group", group.key())
                                        .orderBy("r.id"),
                                1))
                .stream()
                .findFirst();
    }

    @Override
    public List<DunningCase> findByAccount(TenantId tenant, AccountId account) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        return restored(
                tenant,
                cases.list(
                        tenant,
                        RowQuery.where("r.accountId = :account")
                                .bind("account", account.value())
                                .orderBy(DunningCaseMapping.OLDEST_FIRST)));
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
        return restored(tenant, cases.lookups().listAmong(tenant, ACCOUNT_IDS, OPEN_OF_ACCOUNTS, ids, "r.id"));
    }

    @Override
    public List<DunningCase> findOpen(TenantId tenant, DunningCaseId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        RowQuery open = RowQuery.where("r.status = :open").bind("open", OPEN);
        if (after != null) {
            open = open.and("r.id > :after").bind("after", after.value());
        }
        return restored(tenant, cases.first(tenant, open.orderBy("r.id"), limit));
    }

    /**
     * Two statements (the ids of the cases due or with changed invoices, see {@link DunningCaseQueries}), then the
     * cases by id with their histories.
     */
    @Override
    public List<DunningCase> findOpenToEvaluate(TenantId tenant, LocalDate today, DunningCaseId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(today, "today");
        Require.positive(limit, "limit");
        return transactions.read(entityManager -> {
            List<UUID> ids = DunningCaseQueries.toEvaluate(
                    entityManager, tenant, today, after == null ? null : after.value(), limit);
            Map<UUID, DunningCaseState> found = new HashMap<>();
            withHistory(entityManager, tenant, statesByIds(entityManager, tenant, ids))
                    .forEach(state -> found.put(state.id().value(), state));
            return ids.stream()
                    .map(found::get)
                    .filter(Objects::nonNull)
                    .map(DunningCase::restore)
                    .toList();
        });
    }

    /** One statement per call, see {@link DunningCaseQueries}. */
    @Override
    public List<InvoiceOutsideCases> findInvoicesOutsideOpenCases(
            TenantId tenant, LocalDate dueBefore, InvoiceOutsideCases after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(dueBefore, "dueBefore");
        Require.positive(limit, "limit");
        return transactions.read(
                entityManager -> DunningCaseQueries.outsideOpenCases(entityManager, tenant, dueBefore, after, limit));
    }

    /** The case's row (flushed) and then its item and history rows, see {@link DunningCaseRows}. */
    @Override
    public DunningCase save(DunningCase dunningCase) {
        Require.notNull(dunningCase, "dunningCase");
        requireTransaction();
        return saved(List.of(dunningCase.state()), states -> List.of(cases.save(states.get(0))))
                .get(0);
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

    /** One statement per 128 subjects (see {@link DunningCaseQueries#holdsAmong}). */
    @Override
    public List<DunningHold> findHolds(TenantId tenant, Collection<RecordRef> subjects) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subjects, "subjects");
        Set<RecordRef> wanted = new HashSet<>(subjects);
        List<UUID> ids = wanted.stream().map(RecordRef::id).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> DunningCaseQueries.holdsAmong(entityManager, tenant, ids).stream()
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
        return transactions.read(
                entityManager -> withHistory(entityManager, tenant, statesByIds(entityManager, tenant, wanted)).stream()
                        .map(DunningCase::restore)
                        .toList());
    }

    /**
     * The case rows by id (one statement per 100 ids, as columns: see {@link DunningCasesToAppend}) without their
     * history rows; then, for the cases given entries,
     * their history counts and versions raised (the versions checked) and the entries inserted after the stored ones,
     * in a JDBC batch each (see {@link DunningCaseRows#append}). A case whose document still holds its
     * history (stored before schema 27 and not saved since) is read whole and saved as {@link #saveAll} saves, which
     * moves that history into rows.
     */
    @Override
    public void appendToHistories(
            TenantId tenant, Collection<DunningCaseId> ids, Function<DunningCase, List<CaseEvent>> entries) {
        Require.notNull(tenant, "tenant");
        Require.notNull(entries, "entries");
        List<UUID> wanted =
                Require.noNulls(ids, "ids").stream().map(DunningCaseId::value).toList();
        requireTransaction();
        if (wanted.isEmpty()) {
            return;
        }
        transactions.withEntityManager(entityManager -> {
            List<DunningCaseRows.Appended> appended = new ArrayList<>();
            List<DunningCaseState> wholeInDocument = new ArrayList<>();
            for (DunningCaseRow row : DunningCasesToAppend.read(entityManager, tenant, wanted)) {
                DunningCaseState state = cases.state(row);
                if (!state.history().isEmpty()) {
                    wholeInDocument.add(state);
                    continue;
                }
                int storedRows = row.historyRows;
                List<CaseEvent> added = List.copyOf(entries.apply(DunningCase.restore(state)));
                if (!added.isEmpty()) {
                    appended.add(new DunningCaseRows.Appended(row, state, storedRows, added));
                }
            }
            rows.append(entityManager, appended, transactions);
            List<DunningCaseState> changed = new ArrayList<>();
            for (DunningCaseState state : withHistory(entityManager, tenant, wholeInDocument)) {
                List<CaseEvent> added = entries.apply(DunningCase.restore(state));
                if (!added.isEmpty()) {
                    List<CaseEvent> history = new ArrayList<>(state.history());
                    history.addAll(added);
                    changed.add(state.withHistory(history));
                }
            }
            return changed.isEmpty() ? List.of() : saved(changed, cases::saveAll);
        });
    }

    /**
     * One flush for all, so that the updates go to the database in JDBC batches, then the item and history rows of
     * all in a batch each.
     */
    @Override
    public List<DunningCase> saveAll(List<DunningCase> dunningCases) {
        List<DunningCaseState> states = Require.noNulls(dunningCases, "dunningCases").stream()
                .map(DunningCase::state)
                .toList();
        requireTransaction();
        return states.isEmpty() ? List.of() : saved(states, cases::saveAll);
    }

    /** Saves the states' rows with {@code save} and then writes their item and history rows. */
    private List<DunningCase> saved(
            List<DunningCaseState> states, Function<List<DunningCaseState>, List<DunningCaseState>> save) {
        return transactions.withEntityManager(entityManager -> {
            Map<UUID, DunningCaseRows.Known> before = new HashMap<>();
            for (DunningCaseState state : states) {
                DunningCaseRow row = state.version() == 0
                        ? null
                        : entityManager.find(
                                DunningCaseRow.class,
                                new RowKey(state.tenant().value(), state.id().value()));
                before.put(state.id().value(), DunningCaseRows.Known.of(row));
            }
            List<DunningCaseState> saved = save.apply(states);
            rows.write(entityManager, saved, before);
            return saved.stream().map(DunningCase::restore).toList();
        });
    }

    private List<DunningCaseState> statesByIds(EntityManager entityManager, TenantId tenant, List<UUID> ids) {
        return caseRows(entityManager, tenant, ids).stream().map(cases::state).toList();
    }

    /** The tenant's case rows among the ids, managed by the transaction's entity manager. */
    private static List<DunningCaseRow> caseRows(EntityManager entityManager, TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return CASE_IDS.readAll(
                ids,
                () -> entityManager.createQuery(CASES, DunningCaseRow.class).setParameter("tenant", tenant.value()));
    }

    /** The cases of the states read, each with its whole history. */
    private List<DunningCase> restored(TenantId tenant, List<DunningCaseState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> withHistory(entityManager, tenant, states)).stream()
                .map(DunningCase::restore)
                .toList();
    }

    private List<DunningCaseState> withHistory(
            EntityManager entityManager, TenantId tenant, List<DunningCaseState> states) {
        return rows.withHistory(entityManager, tenant, states, transactions.isActive());
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
