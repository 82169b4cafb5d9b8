package org.crmkit.benchmarks.jpa;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sync.InitialSyncPage;
import org.crmkit.core.sync.Subscription;
import org.crmkit.persistence.jpa.JpaStorage;

/**
 * Device sync on the embedded PostgreSQL (issue 18): 1,000,000 accounts over 16 territories, each with a contact
 * linked to it (stored by SQL from documents crmkit wrote, so that loading takes minutes, not hours), then 10,000
 * changes through crmkit anywhere (renames of random accounts and contacts, in transactions of 100). Measures the
 * incremental sync of one territory's subscription against reading the whole feed (records and bytes of JSON), the
 * first sync (which also numbers the 10,000 changes) and repeated ones, and the initial sync of the territory (about
 * 62,500 accounts and as many contacts) page by page, with the heap in use after each page.
 *
 * <p>Run: {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaSyncScenario
 * [--accounts N]}
 */
public final class JpaSyncScenario {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final int TERRITORIES = 16;
    private static final int CHANGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final BenchmarkDatabase database;
    private final JpaStorage storage;
    private final Crm crm;
    private final int accounts;

    private JpaSyncScenario(BenchmarkDatabase database, int accounts) {
        this.database = database;
        this.storage = database.storage();
        this.crm = Crm.builder().storage(storage).tenant(TENANT).build();
        this.accounts = accounts;
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length == 2 && args[0].equals("--accounts") ? Integer.parseInt(args[1]) : 1_000_000;
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            new JpaSyncScenario(database, accounts).run();
        }
    }

    static TerritoryId territory(int number) {
        return TerritoryId.of(UUID.fromString(String.format("018f0000-0000-7000-9000-%012x", number)));
    }

    static UserId owner(int number) {
        return UserId.of(UUID.fromString(String.format("018f0000-0000-7000-8000-%012x", number)));
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        storeAccountsAndContacts();
        database.execute("vacuum analyze");
        System.out.printf(
                "%,d accounts in %d territories, each with a linked contact, stored by SQL in %.1f s%n",
                accounts, TERRITORIES, seconds(started));
        System.out.printf("load average before: %s%n", loadAverage());

        FeedCursor cursor = crm.changeFeed().now();
        started = System.nanoTime();
        makeChanges();
        System.out.printf("%,d changes through crmkit in %.1f s%n", CHANGES, seconds(started));

        Subscription territoryZero = Subscription.ofTerritories(owner(0), Set.of(territory(0)));
        Sync first = timed(() -> sync(territoryZero, cursor));
        System.out.printf(
                "first incremental sync of territory 0 (numbers the %,d changes too): %.1f ms, %,d records, %,d"
                        + " bytes%n",
                CHANGES, first.millis, first.records, first.bytes);
        double[] repeated = new double[15];
        Sync again = null;
        for (int i = 0; i < repeated.length; i++) {
            again = timed(() -> sync(territoryZero, cursor));
            repeated[i] = again.millis;
        }
        Arrays.sort(repeated);
        System.out.printf(
                "incremental sync of territory 0, %d runs: median %.1f ms, max %.1f ms; %,d records (%,d removals),"
                        + " %,d bytes%n",
                repeated.length,
                repeated[repeated.length / 2],
                repeated[repeated.length - 1],
                again.records,
                again.removals,
                again.bytes);
        Sync whole = timed(() -> wholeFeed(cursor));
        System.out.printf(
                "the whole feed since the same cursor: %.1f ms, %,d records, %,d bytes (territory 0: %.1f%% of the"
                        + " records, %.1f%% of the bytes)%n",
                whole.millis,
                whole.records,
                whole.bytes,
                100.0 * again.records / whole.records,
                100.0 * again.bytes / whole.bytes);

        explainScopeQuery();
        initialSync(territoryZero);
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** What one sync transferred and how long it took. */
    private record Sync(double millis, long records, long removals, long bytes) {}

    private interface Run {
        Sync run() throws IOException;
    }

    private static Sync timed(Run run) throws IOException {
        long start = System.nanoTime();
        Sync sync = run.run();
        return new Sync((System.nanoTime() - start) / 1e6, sync.records, sync.removals, sync.bytes);
    }

    private Sync sync(Subscription subscription, FeedCursor cursor) throws IOException {
        Sync total = new Sync(0, 0, 0, 0);
        ChangeBatch batch;
        do {
            batch = crm.sync().changesSince(subscription, cursor, 1000);
            total = add(total, batch.items());
            cursor = batch.next();
        } while (batch.hasMore());
        return total;
    }

    private Sync wholeFeed(FeedCursor cursor) throws IOException {
        Sync total = new Sync(0, 0, 0, 0);
        ChangeBatch batch;
        do {
            batch = crm.changeFeed().changesSince(cursor, ChangeFilter.all(), 1000);
            total = add(total, batch.items());
            cursor = batch.next();
        } while (batch.hasMore());
        return total;
    }

    private static Sync add(Sync total, List<? extends FeedItem> items) throws IOException {
        long bytes = 0;
        long removals = 0;
        for (FeedItem item : items) {
            bytes += bytes(item);
            if (item instanceof FeedItem.Removed) {
                removals++;
            }
        }
        return new Sync(0, total.records + items.size(), total.removals + removals, total.bytes + bytes);
    }

    /** The item as JSON, as a device would receive it: the record's state, or the tombstone's type and id. */
    private static long bytes(FeedItem item) throws IOException {
        Object payload = item instanceof FeedItem.Changed changed
                ? state(changed.record())
                : List.of(item.recordType(), item.recordId(), item.position());
        return JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Object state(AggregateRoot<?> record) {
        try {
            return record.getClass().getMethod("state").invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getClass() + " has no state()", e);
        }
    }

    /**
     * PostgreSQL's plans of the query that selects territory 0's changes ({@code JpaChangeLog.afterInScope}), in the
     * form the JPA adapter sends and the form it sent before, three runs each.
     */
    private void explainScopeQuery() throws SQLException {
        String types = "('Account', 'Contact', 'Opportunity', 'Invoice', 'Task', 'Activity')";
        String territory = "'" + territory(0).value() + "'";
        String none = "'00000000-0000-0000-0000-000000000000'";
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            long position;
            try (ResultSet first = statement.executeQuery("select min(feed_position) - 1 from crm_change")) {
                first.next();
                position = first.getLong(1);
            }
            String head = "select c.feed_position, c.record_type, c.record_id, c.record_version, c.kind, c.merged_into,"
                    + " c.changed_at, c.owner_id, c.territory_id, c.account_id, c.previous_owner_id,"
                    + " c.previous_territory_id, c.previous_account_id from crm_change c where c.tenant_id = '"
                    + TENANT.value() + "' and c.feed_position > " + position + " and c.record_type in " + types
                    + " and (c.owner_id in (" + none + ") or c.previous_owner_id in (" + none + ")"
                    + " or c.territory_id in (" + territory + ") or c.previous_territory_id in (" + territory + ")";
            String tail = ") order by c.feed_position fetch first 1000 rows only";
            String[][] forms = {
                {
                    "before: one exists over both accounts of every change",
                    head + " or exists (select 1 from crm_account a where a.tenant_id = c.tenant_id and (a.id ="
                            + " c.account_id or a.id = c.previous_account_id) and (a.owner_id in (" + none
                            + ") or a.territory_id in (" + territory + ")))" + tail
                },
                {
                    "the adapter's: an account probed only where it is another record",
                    head + " or (c.account_id <> c.record_id and exists (select 1 from crm_account a where"
                            + " a.tenant_id = c.tenant_id and a.id = c.account_id and (a.owner_id in (" + none
                            + ") or a.territory_id in (" + territory + "))))"
                            + " or (c.previous_account_id <> c.record_id and (c.account_id is null or"
                            + " c.previous_account_id <> c.account_id) and exists (select 1 from crm_account a where"
                            + " a.tenant_id = c.tenant_id and a.id = c.previous_account_id and (a.owner_id in ("
                            + none + ") or a.territory_id in (" + territory + "))))" + tail
                }
            };
            for (String[] form : forms) {
                for (int run = 0; run < 3; run++) {
                    long started = System.nanoTime();
                    List<String> plan = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + form[1])) {
                        while (rows.next()) {
                            plan.add(rows.getString(1));
                        }
                    }
                    System.out.printf(
                            "scope query, %s, run %d: %.1f ms%n",
                            form[0], run + 1, (System.nanoTime() - started) / 1e6);
                    if (run == 2) {
                        plan.forEach(line -> System.out.println("    " + line));
                    }
                }
            }
        }
    }

    private void initialSync(Subscription subscription) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long started = System.nanoTime();
        long records = 0;
        long bytes = 0;
        long pages = 0;
        long peakHeap = 0;
        InitialSyncPage page = crm.sync().initialSync(subscription, null, 200);
        while (true) {
            pages++;
            records += page.records().size();
            for (FeedItem item : page.records()) {
                bytes += bytes(item);
            }
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            if (page.next().isEmpty()) {
                break;
            }
            page = crm.sync().initialSync(subscription, page.next().get(), 200);
        }
        System.out.printf(
                "initial sync of territory 0: %,d records in %,d pages of 200 accounts, %,d bytes, %.1f s; heap in use"
                        + " at most %,d MB (max heap %,d MB)%n",
                records,
                pages,
                bytes,
                seconds(started),
                peakHeap >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
    }

    /** Renames random accounts and contacts of every territory through crmkit, 100 per transaction. */
    private void makeChanges() {
        Random random = new Random(18);
        for (int done = 0; done < CHANGES; done += 100) {
            int first = done;
            storage.transactions().inTransaction(() -> {
                for (int i = first; i < first + 100; i++) {
                    int number = random.nextInt(accounts);
                    if (i % 2 == 0) {
                        crm.parties().renameAccount(AccountId.of(id(1, number)), "Renamed " + i);
                    } else {
                        crm.parties().renameContact(ContactId.of(id(2, number)), PersonName.of("Kim", "Renamed " + i));
                    }
                }
            });
        }
    }

    private static UUID id(int kind, int number) {
        return UUID.fromString(String.format("018f%04x-0000-7000-8000-%012x", kind, number));
    }

    /**
     * Account {@code i} is in territory {@code i % 16} and owned by owner {@code i % 160}; contact {@code i} works for
     * it. Each is a copy of a record crmkit stored, with its ids, names, territory and owner replaced.
     */
    private void storeAccountsAndContacts() throws SQLException {
        storage.transactions().inTransaction(() -> {
            for (int number = 0; number < TERRITORIES; number++) {
                storage.territories()
                        .save(Territory.define(
                                TENANT,
                                territory(number),
                                "Territory " + number,
                                number,
                                List.of(TerritoryRule.any()),
                                Clock.systemUTC()));
            }
        });
        Account account = crm.parties()
                .registerAccount(NewAccount.of("Template", owner(0)).withTerritory(territory(0)));
        Contact contact = crm.parties().registerContact(NewContact.of(PersonName.of("Kim", "Template"), owner(0)));
        crm.parties().linkContactToAccount(contact.id(), account.id(), "Buyer", false, LocalDate.of(2020, 1, 1), null);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("create temporary table n as select i from generate_series(0, " + (accounts - 1) + ") i");
            copy(
                    statement,
                    "crm_account",
                    account.id().value(),
                    List.of(
                            "id=" + uuid(1),
                            "owner_id=('018f0000-0000-7000-8000-' || lpad(to_hex(i % 160), 12, '0'))::uuid",
                            "territory_id=('018f0000-0000-7000-9000-' || lpad(to_hex(i % 16), 12, '0'))::uuid",
                            "name_key='account ' || i",
                            "name_order='account ' || i",
                            "document=jsonb_set(jsonb_set(jsonb_set(jsonb_set(t.document, '{id,value}', to_jsonb("
                                    + uuid(1)
                                    + "::text)), '{name}', to_jsonb('Account ' || i)), '{owner,value}', to_jsonb(('018f0000"
                                    + "-0000-7000-8000-' || lpad(to_hex(i % 160), 12, '0')))), '{territory,value}',"
                                    + " to_jsonb(('018f0000-0000-7000-9000-' || lpad(to_hex(i % 16), 12, '0'))))"));
            copy(
                    statement,
                    "crm_contact",
                    contact.id().value(),
                    List.of(
                            "id=" + uuid(2),
                            "document=jsonb_set(jsonb_set(t.document, '{id,value}', to_jsonb(" + uuid(2)
                                    + "::text)), '{affiliations,0,account,value}', to_jsonb(" + uuid(1) + "::text))"));
            statement.execute("insert into crm_lookup (tenant_id, id, record_id, key_name, key_value, valid_from,"
                    + " valid_to) select l.tenant_id, gen_random_uuid(), " + uuid(2) + ", l.key_name, " + uuid(1)
                    + "::text, l.valid_from, l.valid_to from crm_lookup l, n where l.record_id = '"
                    + contact.id().value() + "' and l.key_name = 'contact.account'");
            statement.execute("delete from crm_lookup where record_id in ('"
                    + account.id().value() + "', '" + contact.id().value() + "')");
            statement.execute(
                    "delete from crm_account where id = '" + account.id().value() + "'");
            statement.execute(
                    "delete from crm_contact where id = '" + contact.id().value() + "'");
            statement.execute("delete from crm_change");
            statement.execute("delete from crm_outbox");
        }
    }

    /**
     * Inserts a copy of the template row of {@code table} for every number {@code i} of table {@code n}, each column
     * copied from the template unless {@code replaced} gives its expression ({@code column=expression}).
     */
    private static void copy(Statement statement, String table, UUID template, List<String> replaced)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("select column_name from information_schema.columns where"
                + " table_name = '" + table + "' order by ordinal_position")) {
            while (result.next()) {
                columns.add(result.getString(1));
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(replaced.stream()
                    .filter(replacement -> replacement.startsWith(column + "="))
                    .map(replacement -> replacement.substring(column.length() + 1))
                    .findFirst()
                    .orElse("t." + column));
        }
        statement.execute("insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", values) + " from " + table + " t, n where t.id = '" + template + "'");
    }

    /** The id of account ({@code kind} 1) or contact (2) number i, as SQL. */
    private static String uuid(int kind) {
        return "('018f" + String.format("%04x", kind) + "-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
