package org.crmkit.core.inmemory;

import java.time.Clock;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.SegmentRepository;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TeamRepository;
import org.crmkit.core.spi.TerritoryRepository;
import org.crmkit.core.spi.TaskRepository;
import org.crmkit.core.spi.Transactions;
import org.crmkit.core.spi.UserRepository;

/**
 * Every storage port kept in memory: thread-safe, serializable transactions with rollback, optimistic locking and
 * tenant isolation. Made for tests, demos and quick starts; data lives as long as the instance.
 */
public final class InMemoryStorage implements Storage {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryOutbox outbox;
    private final InMemoryContactRepository contacts = new InMemoryContactRepository(transactions);
    private final InMemoryAccountRepository accounts = new InMemoryAccountRepository(transactions);
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository(transactions);
    private final InMemoryTerritoryRepository territories = new InMemoryTerritoryRepository(transactions);
    private final InMemorySegmentRepository segments = new InMemorySegmentRepository(transactions);
    private final InMemoryActivityRepository activities = new InMemoryActivityRepository(transactions);
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(transactions);
    private final InMemoryCaseRepository cases = new InMemoryCaseRepository(transactions);
    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository(transactions);

    private InMemoryStorage(Clock clock) {
        this.outbox = new InMemoryOutbox(transactions, clock);
    }

    /** A new, empty store whose outbox stamps entries with the system UTC clock. */
    public static InMemoryStorage create() {
        return new InMemoryStorage(Clock.systemUTC());
    }

    /** A new, empty store whose outbox stamps entries with the given clock. */
    public static InMemoryStorage create(Clock clock) {
        return new InMemoryStorage(Require.notNull(clock, "clock"));
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public ContactRepository contacts() {
        return contacts;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public TeamRepository teams() {
        return teams;
    }

    @Override
    public TerritoryRepository territories() {
        return territories;
    }

    @Override
    public SegmentRepository segments() {
        return segments;
    }

    @Override
    public ActivityRepository activities() {
        return activities;
    }

    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    @Override
    public CaseRepository cases() {
        return cases;
    }

    @Override
    public CampaignRepository campaigns() {
        return campaigns;
    }
}
